package app.roomwatch.console.login;

/** Signs a staff member in to a server; blocking, called off the UI thread. */
@FunctionalInterface
public interface SignIn<S> {

    /** The signed-in session; throws with the server's words when it refuses. */
    S signIn(String serverUrl, String tenant, String userName, String password) throws Exception;
}
