package app.roomwatch.console.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy in front of a server, for the network faults a console meets: it can stall the event streams
 * that are open (bytes from the server stop arriving, nothing is closed) and refuse the event stream with a 503
 * while passing every other request through.
 */
public final class TcpProxy implements AutoCloseable {

    private static final String STREAM_PATH = "/api/sse/events";

    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedStreams = new AtomicInteger();
    private volatile boolean refuseStreams;
    private volatile String refusedCalls;
    private volatile boolean closed;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("tcp-proxy-accept").daemon(true).start(this::accept);
    }

    /** A proxy on a free local port forwarding to {@code targetPort} on this machine. */
    public static TcpProxy to(int targetPort) {
        try {
            return new TcpProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every event stream open now stops passing the server's bytes on; other and new connections work normally. */
    public void stallOpenStreams() {
        links.stream().filter(link -> link.stream).forEach(link -> link.stalled = true);
    }

    /**
     * While on, a connection whose first request is for the event stream gets a 503 and is closed; turning it on
     * also cuts the connections open now, as a failing gateway would.
     */
    public void refuseStreams(boolean refuse) {
        refuseStreams = refuse;
        if (refuse) {
            links.forEach(Link::close);
        }
    }

    /**
     * While set, a connection whose first request line starts with {@code requestLinePrefix} (e.g. {@code "POST
     * /api/notifications/"}) gets a 503 and is closed; setting it cuts the other connections open now, so that the
     * next call opens a new one. {@code null} turns it off.
     */
    public void refuseCalls(String requestLinePrefix) {
        refusedCalls = requestLinePrefix;
        if (requestLinePrefix != null) {
            links.stream().filter(link -> !link.stream).forEach(Link::close);
        }
    }

    /** How many stream requests were refused so far. */
    public int refusedStreams() {
        return refusedStreams.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        links.forEach(Link::close);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            byte[] head = readRequestLine(client.getInputStream());
            String requestLine = new String(head, StandardCharsets.ISO_8859_1);
            boolean stream = requestLine.contains(" " + STREAM_PATH);
            String refused = refusedCalls;
            if ((refuseStreams && stream) || (refused != null && !stream && requestLine.startsWith(refused))) {
                if (stream) {
                    refusedStreams.incrementAndGet();
                }
                try (client) {
                    client.getOutputStream()
                            .write(
                                    ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                return;
            }
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            var link = new Link(client, server, stream);
            links.add(link);
            server.getOutputStream().write(head);
            InputStream fromClient = client.getInputStream();
            OutputStream toServer = server.getOutputStream();
            Thread.ofVirtual().start(() -> link.pump(fromClient, toServer, false));
            link.pump(server.getInputStream(), client.getOutputStream(), true);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Reads up to and including the first line break, so the request can be judged before it is passed on. */
    private static byte[] readRequestLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n' || line.size() > 8192) {
                break;
            }
        }
        return line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do.
        }
    }

    /** One proxied connection: two pumps, one per direction. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        /** Its first request was for the event stream (the console keeps stream connections to themselves). */
        final boolean stream;

        volatile boolean stalled;

        Link(Socket client, Socket server, boolean stream) {
            this.client = client;
            this.server = server;
            this.stream = stream;
        }

        void pump(InputStream from, OutputStream to, boolean fromServer) {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = from.read(buffer)) != -1) {
                    while (fromServer && stalled && !client.isClosed()) {
                        // Held back, not dropped: the client must see silence, not an error.
                        synchronized (this) {
                            wait(50);
                        }
                    }
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException e) {
                // One side went away: the link ends.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }
}
