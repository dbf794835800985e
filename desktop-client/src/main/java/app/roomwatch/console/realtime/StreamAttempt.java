package app.roomwatch.console.realtime;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * One try at {@code GET /api/sse/events}, from the request to the end of the stream. It notes when the last byte
 * of any kind arrived (for the watchdog) and reports what happens to its {@link Handler}, on OkHttp's threads.
 */
final class StreamAttempt {

    /** What the client does with what an attempt sees; every call names the attempt so stale ones are ignored. */
    interface Handler {
        void opened(StreamAttempt attempt);

        void frame(StreamAttempt attempt, String id, String type, String data);

        /** The stream ended or could not be opened; {@code attempt.wasOpened()} tells which. */
        void ended(StreamAttempt attempt, String why);

        /** The server answered with something other than 200. */
        void refused(StreamAttempt attempt, Response response);
    }

    private final String accessToken;
    private final Call call;
    private final Supplier<Instant> clock;
    private volatile Instant lastByteAt;
    private volatile boolean opened;

    StreamAttempt(OkHttpClient http, Request request, String accessToken, Supplier<Instant> clock) {
        this.accessToken = accessToken;
        this.call = http.newCall(request);
        this.clock = clock;
        this.lastByteAt = clock.get();
    }

    void start(Handler handler) {
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                handler.ended(StreamAttempt.this, describe(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                lastByteAt = clock.get();
                if (response.code() != 200) {
                    try (response) {
                        handler.refused(StreamAttempt.this, response);
                    }
                    return;
                }
                // Blocks this OkHttp thread for the life of the stream, as okhttp-sse's own EventSource does.
                EventSources.processResponse(watched(response), new Listener(handler));
            }
        });
    }

    void cancel() {
        call.cancel();
    }

    String accessToken() {
        return accessToken;
    }

    Instant lastByteAt() {
        return lastByteAt;
    }

    boolean wasOpened() {
        return opened;
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "the connection was lost";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? "the connection was lost (" + failure.getClass().getSimpleName() + ")"
                : "the connection was lost (" + message + ")";
    }

    /** The response with a body that stamps {@link #lastByteAt} on every read, pings and comments included. */
    private Response watched(Response response) {
        ResponseBody body = response.body();
        BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read > 0) {
                    lastByteAt = clock.get();
                }
                return read;
            }
        });
        return response.newBuilder()
                .body(new ResponseBody() {
                    @Override
                    public MediaType contentType() {
                        return body.contentType();
                    }

                    @Override
                    public long contentLength() {
                        return body.contentLength();
                    }

                    @Override
                    public BufferedSource source() {
                        return source;
                    }
                })
                .build();
    }

    private final class Listener extends EventSourceListener {
        private final Handler handler;

        Listener(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened = true;
            handler.opened(StreamAttempt.this);
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            handler.frame(StreamAttempt.this, id, type == null ? "message" : type, data);
        }

        @Override
        public void onClosed(EventSource eventSource) {
            handler.ended(StreamAttempt.this, "the server closed the stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable failure, Response response) {
            handler.ended(StreamAttempt.this, describe(failure));
        }
    }
}
