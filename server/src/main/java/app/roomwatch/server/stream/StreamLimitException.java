package app.roomwatch.server.stream;

import java.time.Duration;

/** A stream refused by the per-staff limits; the caller may try again after {@link #retryAfter()}. */
final class StreamLimitException extends RuntimeException {

    private final Duration retryAfter;

    StreamLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
