package app.roomwatch.console.api;

/** The server address given is not an http or https address, so no call was made. */
public final class BadServerAddress extends IllegalArgumentException {

    public BadServerAddress(String address, IllegalArgumentException cause) {
        super("Not an http(s) address: " + address, cause);
    }
}
