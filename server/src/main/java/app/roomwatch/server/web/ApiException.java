package app.roomwatch.server.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request the server refuses, with words a scanner vendor, console developer or admin can act on. The one
 * {@link ApiExceptionHandler} turns it into an {@code application/problem+json} answer.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    private ApiException(HttpStatus status, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail, null);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, detail, null);
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    /** How long the caller should wait before trying again, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
