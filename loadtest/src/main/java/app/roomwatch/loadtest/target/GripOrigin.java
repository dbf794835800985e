package app.roomwatch.loadtest.target;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The origin behind Pushpin: answers every request with {@code Grip-Hold: stream} on one channel, so Pushpin keeps
 * the subscriber's response open and appends what is published to that channel. It only ever sees one short
 * request per subscriber; the streams themselves live in Pushpin.
 */
public final class GripOrigin implements AutoCloseable {

    private static final byte[] PREAMBLE = ":ok\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private GripOrigin(HttpServer server) {
        this.server = server;
    }

    /** Serves on loopback only; port 0 picks a free one. */
    public static GripOrigin start(int port, String channel) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> hold(exchange, channel));
        server.start();
        return new GripOrigin(server);
    }

    private static void hold(HttpExchange exchange, String channel) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/event-stream");
            headers.set("Cache-Control", "no-cache");
            headers.set("Grip-Hold", "stream");
            headers.set("Grip-Channel", channel);
            exchange.sendResponseHeaders(200, PREAMBLE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(PREAMBLE);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
