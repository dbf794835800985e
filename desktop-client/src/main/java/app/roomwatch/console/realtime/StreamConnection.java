package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.model.api.TokenResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The stream's way to the server: its own HTTP client, the request that opens an attempt with the current token and
 * cursor, what a refusal means, and the renewal of the sign-in. Holds no connection state; that is the actor's.
 */
final class StreamConnection {

    static final String EXPIRED = "Your sign-in has expired; sign in again to receive updates";

    private final StaffSession session;
    private final Supplier<Instant> clock;
    private final OkHttpClient http;

    StreamConnection(StaffSession session, Supplier<Instant> clock) {
        this.session = session;
        this.clock = clock;
        // The watchdog, not a read timeout, decides when a quiet stream is dead. The stream keeps its own
        // connections and dispatcher: a REST call never waits for, or lands on, a connection held by a stream,
        // and a stream never takes one of the per-host slots the views' calls queue for.
        this.http = session.api()
                .http()
                .newBuilder()
                .dispatcher(new Dispatcher())
                .connectionPool(new ConnectionPool())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
    }

    /** True when the access token has run out by this machine's clock: renew before connecting. */
    boolean tokenExpired() {
        return session.accessTokenExpired();
    }

    String accessToken() {
        return session.accessToken();
    }

    /** A new attempt with the current token, resuming after {@code cursor} unless it is {@code null}; not started. */
    StreamAttempt attempt(String cursor) {
        var request =
                new Request.Builder().url(session.api().url("/api/sse/events")).header("Accept", "text/event-stream");
        String token = session.accessToken();
        request.header("Authorization", TokenResponse.BEARER + " " + token);
        if (cursor != null) {
            request.header("Last-Event-ID", cursor);
        }
        return new StreamAttempt(http, request.build(), token, clock);
    }

    /** What a non-200 answer means; read while the response is open. */
    Refusal refusal(Response response) {
        return Refusal.of(response, session.api());
    }

    /**
     * Renews the access token after the server refused {@code rejected}; a blocking call, made on the I/O executor.
     *
     * @return {@code null} when renewed, {@link #EXPIRED} when the refresh token is no longer accepted, or what went
     *     wrong when the server could not be asked
     */
    String renew(String rejected) {
        try {
            session.renewAccessToken(rejected);
            return null;
        } catch (ApiException e) {
            return e.status() == 400 || e.status() == 401
                    ? EXPIRED
                    : "the sign-in could not be renewed (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "the sign-in could not be renewed (" + e.getMessage() + ")";
        }
    }

    /** Lets go of the stream's own threads and connections. */
    void release() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
