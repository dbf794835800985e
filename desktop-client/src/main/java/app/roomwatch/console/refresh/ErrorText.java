package app.roomwatch.console.refresh;

/** The words a supervisor sees for a failed server call: the server's problem detail when there is one. */
public final class ErrorText {

    private ErrorText() {}

    public static String of(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null
                && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
