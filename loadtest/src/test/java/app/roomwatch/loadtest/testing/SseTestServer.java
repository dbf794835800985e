package app.roomwatch.loadtest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real SSE server on loopback for the tool's tests: {@code GET /sub} holds a stream (sending
 * {@code connected} first), {@link #broadcast()} writes one cursor-numbered {@code room_occupancy} frame to every
 * open stream, {@link #closeAll()} ends them from the server's side. It remembers the Last-Event-ID headers it saw.
 */
public final class SseTestServer implements AutoCloseable {

    private final HttpServer server;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final AtomicLong cursor = new AtomicLong();

    private record Subscriber(OutputStream out, CountDownLatch done) {}

    public SseTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/sub", this::hold);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void hold(HttpExchange exchange) throws IOException {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        lastEventIds.add(last == null ? "" : last);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        OutputStream out = exchange.getResponseBody();
        var subscriber = new Subscriber(out, new CountDownLatch(1));
        try {
            synchronized (out) {
                // Listed before the client can see its answer, so that a closeAll() right after connecting reaches
                // it; a broadcast meanwhile waits for the lock, so it never writes before the headers.
                subscribers.add(subscriber);
                exchange.sendResponseHeaders(200, 0);
                out.write("retry: 1000\n\nevent: connected\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            subscriber.done().await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(subscriber);
            exchange.close();
        }
    }

    /** Sends one delivery frame to every open stream; answers how many streams got it. */
    public int broadcast() {
        return broadcastPieces(nextFrame());
    }

    /** The next cursor-numbered {@code room_occupancy} frame, stamped now, as the stream carries it. */
    public String nextFrame() {
        long id = cursor.incrementAndGet();
        return "id: 1-" + id + "\nevent: room_occupancy\ndata: {\"emittedAt\":\"" + Instant.now() + "\",\"n\":" + id
                + "}\n\n";
    }

    /**
     * Writes the pieces to every open stream, flushing after each, so that each goes out as a chunk of its own (a
     * piece may end mid-frame, mid-line or hold several frames); answers how many streams got them all.
     */
    public int broadcastPieces(String... pieces) {
        int sent = 0;
        for (Subscriber s : subscribers) {
            try {
                synchronized (s.out()) {
                    for (String piece : pieces) {
                        s.out().write(piece.getBytes(StandardCharsets.UTF_8));
                        s.out().flush();
                    }
                }
                sent++;
            } catch (IOException e) {
                s.done().countDown();
            }
        }
        return sent;
    }

    public int open() {
        return subscribers.size();
    }

    public void closeAll() {
        subscribers.forEach(s -> s.done().countDown());
    }

    public List<String> lastEventIds() {
        return lastEventIds;
    }

    @Override
    public void close() {
        closeAll();
        server.stop(0);
    }
}
