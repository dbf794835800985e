package app.roomwatch.console.api;

import java.io.IOException;

/**
 * The server answered, but not with success: carries the HTTP status and the problem's {@code detail}, so a view
 * can show the server's own words.
 */
public final class ApiException extends IOException {

    private final int status;
    private final String detail;

    public ApiException(int status, String detail) {
        super("The server answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
        this.detail = detail == null ? "" : detail;
    }

    public int status() {
        return status;
    }

    /** The problem's {@code detail}, or an empty string when the server gave none. */
    public String detail() {
        return detail;
    }

    /** True when the server did not accept who we are (401). */
    public boolean isUnauthorized() {
        return status == 401;
    }
}
