package app.roomwatch.loadtest.sse;

import app.roomwatch.loadtest.measure.EmittedAt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * One subscriber connection, the way an EventSource holds it: frames are parsed as lines arrive, the last event id
 * is kept, and {@link #reconnect()} resumes with {@code Last-Event-ID}. It reads through the HttpClient's
 * selector, so ten thousand of them need no thread each.
 */
public final class SseStream {

    /** Told about every frame, on a reader thread; must be quick and must not block. */
    public interface Listener {
        void frame(SseStream stream, SseFrame frame, long receivedMicros);

        /** The connection ended without {@link #disconnect()}: the server closed it, or it failed. */
        default void ended(SseStream stream) {}
    }

    private static final int DEMAND = 64;

    private final int index;
    private final HttpClient client;
    private final Function<String, HttpRequest> request;
    private final String readyEvent;
    private final Listener listener;

    private volatile String lastEventId;
    private volatile Reader reader;
    private volatile CompletableFuture<Integer> ready = new CompletableFuture<>();
    private volatile int lastStatus;
    private volatile int ends;

    /**
     * @param request builds the request, given the {@code Last-Event-ID} to send (or {@code null})
     * @param readyEvent the frame that says the stream is live ({@code connected} for Roomwatch), or {@code null}
     *     when a 200 answer is enough (the peers send nothing until the first message)
     */
    public SseStream(
            int index, HttpClient client, Function<String, HttpRequest> request, String readyEvent, Listener listener) {
        this.index = index;
        this.client = client;
        this.request = request;
        this.readyEvent = readyEvent;
        this.listener = listener;
    }

    /**
     * Connects, or reconnects with the last event id seen. The answer completes with the HTTP status once the
     * stream is live, or with the status alone when the server refused it.
     */
    public CompletableFuture<Integer> connect() {
        CompletableFuture<Integer> live = new CompletableFuture<>();
        ready = live;
        Reader next = new Reader(live);
        reader = next;
        HttpResponse.BodyHandler<Void> handler = info -> {
            lastStatus = info.statusCode();
            if (info.statusCode() != 200) {
                live.complete(info.statusCode());
                return HttpResponse.BodySubscribers.discarding();
            }
            if (readyEvent == null) {
                live.complete(200);
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(next, r -> null, StandardCharsets.UTF_8, null);
        };
        client.sendAsync(request.apply(lastEventId), handler).whenComplete((response, error) -> {
            live.complete(-1);
            if (!next.cancelled) {
                ends++;
                listener.ended(this);
            }
        });
        return live;
    }

    /** Closes the connection from this side, as a client that goes away does. */
    public void disconnect() {
        Reader current = reader;
        if (current != null) {
            current.cancel();
        }
    }

    /** Drops the connection and resumes from the last event id at once. */
    public CompletableFuture<Integer> reconnect() {
        disconnect();
        return connect();
    }

    public int index() {
        return index;
    }

    public String lastEventId() {
        return lastEventId;
    }

    /** Whether the current connection is open and past its ready frame. */
    public boolean isLive() {
        Reader current = reader;
        return current != null && !current.ended && ready.isDone() && ready.getNow(0) == 200;
    }

    public int lastStatus() {
        return lastStatus;
    }

    /** Streams that ended from the server's side or failed, counted over this stream's life. */
    public int ends() {
        return ends;
    }

    /** Reads one connection's lines; a reconnect gets a new one, so a late line of the old one changes nothing. */
    private final class Reader implements Flow.Subscriber<String> {

        private final CompletableFuture<Integer> live;
        private final SseParser parser = new SseParser(this::onFrame);
        private volatile Flow.Subscription subscription;
        private volatile boolean ended;
        private volatile boolean cancelled;
        private int outstanding;

        Reader(CompletableFuture<Integer> live) {
            this.live = live;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            demand();
        }

        @Override
        public void onNext(String line) {
            if (ended) {
                return;
            }
            parser.line(line);
            boolean low;
            synchronized (this) {
                outstanding--;
                low = outstanding < DEMAND / 2;
            }
            if (low) {
                demand();
            }
        }

        private void onFrame(SseFrame frame) {
            long received = EmittedAt.nowMicros();
            if (frame.id() != null) {
                lastEventId = frame.id();
            }
            if (readyEvent != null && readyEvent.equals(frame.event())) {
                live.complete(200);
            }
            listener.frame(SseStream.this, frame, received);
        }

        void demand() {
            Flow.Subscription s = subscription;
            if (s == null || ended) {
                return;
            }
            long more;
            synchronized (this) {
                more = DEMAND - outstanding;
                outstanding = DEMAND;
            }
            if (more > 0) {
                s.request(more);
            }
        }

        void cancel() {
            cancelled = true;
            ended = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
            live.complete(-1);
        }

        @Override
        public void onComplete() {
            ended = true;
            live.complete(-1);
        }
    }
}
