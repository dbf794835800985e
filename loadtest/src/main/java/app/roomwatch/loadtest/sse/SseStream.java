package app.roomwatch.loadtest.sse;

import app.roomwatch.loadtest.measure.EmittedAt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One subscriber connection, the way an EventSource holds it: frames are parsed as bytes arrive, the last event id
 * is kept, and {@link #reconnect()} resumes with {@code Last-Event-ID}. It is a plain socket on one of an
 * {@link SseClient}'s selector threads, its request written by hand (HTTP/1.1) and its answer read by
 * {@link SseDecoder}, chunked or not.
 */
public final class SseStream {

    /** Told about every frame, on a reader thread; must be quick and must not block. */
    public interface Listener {
        /** {@code event} is valid during this call only (see {@link SseEvent#toFrame()}). */
        void frame(SseStream stream, SseEvent event, long receivedMicros);

        /** The connection ended without {@link #disconnect()}: the server closed it, refused it, or it failed. */
        default void ended(SseStream stream) {}
    }

    private final int index;
    private final SseClient client;
    private final Function<String, HttpRequest> request;
    private final byte[] readyEvent;
    private final Listener listener;

    /** The last event id seen, kept as bytes (a string is made only when it is asked for). */
    private volatile byte[] lastEventId = new byte[32];

    private volatile int lastEventIdLength = -1;
    private volatile Connection connection;
    private volatile int lastStatus;
    private volatile int ends;

    /**
     * @param request builds the request, given the {@code Last-Event-ID} to send (or {@code null})
     * @param readyEvent the frame that says the stream is live ({@code connected} for Roomwatch), or {@code null}
     *     when a 200 answer is enough (the peers send nothing until the first message)
     */
    public SseStream(
            int index, SseClient client, Function<String, HttpRequest> request, String readyEvent, Listener listener) {
        this.index = index;
        this.client = client;
        this.request = request;
        this.readyEvent = readyEvent == null ? null : readyEvent.getBytes(StandardCharsets.US_ASCII);
        this.listener = listener;
    }

    /**
     * Connects, or reconnects with the last event id seen. The answer completes with the HTTP status once the
     * stream is live, with the status alone when the server refused it, or with -1 when the connection failed.
     */
    public CompletableFuture<Integer> connect() {
        HttpRequest r = request.apply(lastEventId());
        Connection next = new Connection(client.assign(), r.uri(), requestBytes(r));
        connection = next;
        next.loop.execute(next::open);
        return next.live;
    }

    /** Closes the connection from this side, as a client that goes away does; no {@link Listener#ended} follows. */
    public void disconnect() {
        Connection current = connection;
        if (current != null) {
            current.cancelled = true;
            current.loop.execute(current::close);
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
        int length = lastEventIdLength;
        return length < 0 ? null : new String(lastEventId, 0, length, StandardCharsets.UTF_8);
    }

    /** Whether the current connection is open and past its ready frame. */
    public boolean isLive() {
        Connection current = connection;
        return current != null && !current.ended && current.live.isDone() && current.live.getNow(0) == 200;
    }

    public int lastStatus() {
        return lastStatus;
    }

    /** Streams that ended from the server's side, were refused or failed, counted over this stream's life. */
    public int ends() {
        return ends;
    }

    /** The request as HTTP/1.1 bytes: its method, path and headers, and a {@code Host}. */
    static byte[] requestBytes(HttpRequest request) {
        URI uri = request.uri();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One connection of this stream; a reconnect makes a new one, so a late byte of the old one changes nothing. */
    final class Connection implements SseDecoder.Sink {

        final SseClient.Loop loop;
        final CompletableFuture<Integer> live = new CompletableFuture<>();
        private final URI uri;
        private final ByteBuffer request;
        private final SseDecoder decoder = new SseDecoder(this);
        private SocketChannel channel;
        private SelectionKey key;
        private long receivedMicros;
        volatile boolean ended;
        volatile boolean cancelled;

        Connection(SseClient.Loop loop, URI uri, byte[] request) {
            this.loop = loop;
            this.uri = uri;
            this.request = ByteBuffer.wrap(request);
        }

        /** On the loop's thread. */
        void open() {
            if (cancelled) {
                close();
                return;
            }
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                key = channel.register(
                        loop.selector(), connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                fail();
            }
        }

        /** On the loop's thread, when the socket is ready for what this connection waits for. */
        void ready(SelectionKey k) {
            try {
                if (k.isConnectable()) {
                    if (channel.finishConnect()) {
                        k.interestOps(SelectionKey.OP_WRITE);
                    }
                    return;
                }
                if (k.isWritable()) {
                    channel.write(request);
                    if (!request.hasRemaining()) {
                        k.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (k.isReadable()) {
                    read();
                }
            } catch (IOException e) {
                fail();
            }
        }

        private void read() throws IOException {
            ByteBuffer buffer = loop.buffer();
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                fail();
                return;
            }
            if (n == 0) {
                return;
            }
            // One reading of the clock per read: every frame in it arrived at the same moment.
            receivedMicros = EmittedAt.nowMicros();
            if (!decoder.feed(buffer.array(), 0, n)) {
                fail();
            }
        }

        @Override
        public void status(int status) {
            lastStatus = status;
            if (status != 200 || readyEvent == null) {
                live.complete(status);
            }
        }

        @Override
        public void frame(SseEvent event) {
            if (cancelled || ended) {
                return;
            }
            if (event.hasId()) {
                int length = event.idLength();
                lastEventId = event.copyId(lastEventId);
                lastEventIdLength = length;
            }
            if (readyEvent != null && !live.isDone() && event.eventIs(readyEvent)) {
                live.complete(200);
            }
            listener.frame(SseStream.this, event, receivedMicros);
        }

        /** The connection ended without being asked to: told to the listener once. */
        void fail() {
            boolean first = !ended;
            close();
            if (first && !cancelled) {
                ends++;
                listener.ended(SseStream.this);
            }
        }

        /** On the loop's thread. */
        void close() {
            ended = true;
            live.complete(-1);
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closed either way
                }
            }
        }
    }
}
