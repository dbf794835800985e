package app.roomwatch.loadtest.sse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A subscriber that sends its request and then never reads: a frozen browser tab. Its receive buffer is set small
 * before connecting, so the kernel cannot absorb megabytes on its behalf and the server feels it within a few
 * hundred events instead of after minutes (loopback buffers otherwise grow to several MiB).
 */
public final class FrozenClient implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4096;

    private final SocketChannel channel;

    private FrozenClient(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects and sends the request (plain HTTP/1.1 over loopback); reads nothing. */
    public static FrozenClient open(HttpRequest request) throws IOException {
        URI uri = request.uri();
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.write(ByteBuffer.wrap(SseStream.requestBytes(request)));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FrozenClient(channel);
    }

    /**
     * Thaws for a moment to learn whether the server has closed this connection: reads what is waiting, at most
     * {@code within}, and answers whether the stream ended.
     */
    public boolean closedByServer(Duration within) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        long deadline = System.nanoTime() + within.toNanos();
        long idleSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sink.clear();
            int n = channel.read(sink);
            if (n < 0) {
                return true;
            }
            if (n > 0) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > Duration.ofMillis(200).toNanos()) {
                // Nothing more for a while and no end: the server still holds it open.
                return false;
            } else {
                Thread.onSpinWait();
            }
        }
        return false;
    }

    /**
     * Whether the server has dropped this connection, learned without reading (which would thaw it): two bytes of
     * blank line go to the server, which a stream's server drops (HTTP allows blank lines between requests). On a
     * connection the server has closed, the first such write is answered with a reset and a later one fails. Call it
     * now and then (every few hundred milliseconds); the answer lags the close by one call.
     */
    public boolean closedByServerWithoutReading() {
        try {
            channel.write(ByteBuffer.wrap(BLANK_LINE));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static final byte[] BLANK_LINE = {'\r', '\n'};

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
