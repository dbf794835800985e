package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.realtime.ConnectionState.Cause;
import java.time.Duration;
import okhttp3.Response;

/**
 * What a non-200 answer to the stream request means for the client, in the user's words.
 *
 * @param retryAfter for {@link Action#WAIT}: how long the server asked to wait, or {@code null} when it did not say
 */
record Refusal(Action action, Cause cause, String reason, Duration retryAfter) {

    enum Action {
        /** 401: renew the access token and reconnect at once. */
        RENEW,
        /** 403, 204: stop until the user acts. */
        STOP,
        /** 429: wait as long as the server asked. */
        WAIT,
        /** Anything else: a failed attempt, retried with backoff. */
        RETRY
    }

    static Refusal of(Response response, ServerApi api) {
        int code = response.code();
        return switch (code) {
            case 401 ->
                new Refusal(Action.RENEW, Cause.RENEWAL_FAILED, "the server no longer accepts the sign-in", null);
            case 403 -> {
                String detail = api.problem(response).detail();
                yield new Refusal(
                        Action.STOP,
                        Cause.REFUSED,
                        "The server refused the real-time stream: " + (detail.isBlank() ? "access denied" : detail)
                                + " (403)",
                        null);
            }
            case 204 ->
                new Refusal(
                        Action.STOP,
                        Cause.NO_STREAM,
                        "The server offers no real-time stream to this console (204)",
                        null);
            case 429 ->
                new Refusal(
                        Action.WAIT,
                        Cause.SERVER_BUSY,
                        "The server is busy and asked to wait",
                        seconds(response.header("Retry-After")));
            default -> new Refusal(Action.RETRY, Cause.SERVER_ERROR, "the server answered " + code, null);
        };
    }

    /** Seconds, as the server sends them; {@code null} for none or an HTTP date (then the usual backoff applies). */
    static Duration seconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
