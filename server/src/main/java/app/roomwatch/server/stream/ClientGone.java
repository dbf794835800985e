package app.roomwatch.server.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices the moment a stream's client closes its connection. Jetty reads nothing from a connection while a response
 * is streaming, so a client that went away was found only by the next write, up to a ping interval later, and kept
 * its slot among the staff member's streams until then. This watches the connection for its end of input instead.
 * The stream's response says {@code Connection: close}, so no later request on that connection competes for reading.
 */
final class ClientGone {

    private ClientGone() {}

    /**
     * Runs {@code gone} once the client has closed the connection (or the connection failed).
     *
     * @return false when the connection can not be watched (already being read), in which case the next failed write
     *     is what ends the stream
     */
    static boolean watch(EndPoint endPoint, Runnable gone) {
        return endPoint.tryFillInterested(new Watch(endPoint, gone));
    }

    private record Watch(EndPoint endPoint, Runnable gone) implements Callback {

        @Override
        public void succeeded() {
            ByteBuffer buffer = BufferUtil.allocate(256);
            try {
                int read;
                do {
                    BufferUtil.clear(buffer);
                    read = endPoint.fill(buffer);
                } while (read > 0); // a client has nothing to send on a stream; whatever it sends is dropped
                if (read < 0) {
                    gone.run();
                } else if (!endPoint.tryFillInterested(this)) {
                    gone.run();
                }
            } catch (IOException | RuntimeException e) {
                gone.run();
            }
        }

        @Override
        public void failed(Throwable cause) {
            gone.run();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
