package app.roomwatch.server.stream;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Optional;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/** The Jetty connection under a stream's request: watched for its client's end, sized, and dropped when stalled. */
final class JettyConnection {

    private static final Logger log = LoggerFactory.getLogger(JettyConnection.class);

    private JettyConnection() {}

    /** The request's connection, or empty when the server is not Jetty (then a failed write is what ends a stream). */
    static Optional<EndPoint> of(ServletRequest request) {
        try {
            return Optional.of(ServletContextRequest.getServletContextRequest(request)
                    .getConnectionMetaData()
                    .getConnection()
                    .getEndPoint());
        } catch (RuntimeException e) {
            log.debug("Can not reach this stream's connection: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether the body of the response on this connection, its headers committed, runs until the connection closes
     * (HTTP/1 with {@code Connection: close} and no length): then whatever is written to the connection is the body,
     * as it is, and Jetty ends it by closing the connection. False when that is not known here (not an HTTP/1
     * connection of Jetty's, nothing committed yet, or a chunked body).
     */
    static boolean bodyRunsUntilClose(EndPoint endPoint) {
        if (!(endPoint.getConnection() instanceof HttpConnection http)) {
            return false;
        }
        HttpGenerator generator = http.getGenerator();
        return generator.isCommitted() && !generator.isEnd() && !generator.isChunking();
    }

    /**
     * Fixes the socket's send buffer. Left to itself Linux grows a loopback or LAN socket's buffer to several MiB, so a
     * client that stopped reading would hold thousands of events in the kernel, unnoticed, before a write waits; with
     * a fixed buffer the write waits after a few dozen and the write timeout closes the stream.
     */
    static void limitSendBuffer(EndPoint endPoint, DataSize size) {
        if (size.toBytes() <= 0 || !(endPoint.getTransport() instanceof NetworkChannel channel)) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, (int) Math.min(Integer.MAX_VALUE, size.toBytes()));
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not size this stream's send buffer: {}", e.toString());
        }
    }

    /**
     * Drops the connection with a reset rather than a closing handshake: the client stopped reading, so what it has not
     * taken would otherwise sit in the kernel, retried, for minutes after the close. A write waiting on it fails.
     */
    static void abort(EndPoint endPoint, Throwable cause) {
        if (endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                log.debug("Could not set this stream's socket to reset on close: {}", e.toString());
            }
        }
        endPoint.close(cause);
    }
}
