package app.roomwatch.server.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * Frames straight to the response of an asynchronous request, without waiting: a write hands the frames over and
 * returns at once; when the client's socket did not take them all, the sink says so and calls its output back once
 * they have gone out. Two ways, chosen when the stream starts:
 *
 * <ul>
 *   <li><b>Straight to the connection</b> (an HTTP/1 response on Jetty whose headers are committed and whose body
 *       runs until the connection closes, as a stream's does: it answers {@code Connection: close}): the frames go to
 *       the connection's endpoint as they are, and from there to the socket at once, past the servlet output's state
 *       machine and Jetty's handlers, which under fan-out cost more than the socket write itself.
 *   <li><b>The servlet's non-blocking output</b> otherwise (another protocol or container): every write is a {@code
 *       write(ByteBuffer)}, which in Jetty bypasses the response's aggregation buffer, so the frames go to the socket
 *       at once, with no flush after them. (A small {@code write(byte[])} would be aggregated and wait for a flush,
 *       and once that buffer exists even a later {@code write(ByteBuffer)} may be aggregated into it.)
 * </ul>
 */
final class ServletSink implements FrameSink {

    /** Set by {@link #open} before the request goes asynchronous. */
    private volatile Output output;

    /** Set when the request goes asynchronous, writing to the connection; then used by its writes only. */
    private volatile ConnectionWriter direct;

    /** Set when the request goes asynchronous, writing through the servlet output; then used by its writes only. */
    private volatile ServletOutputStream out;

    /** The connection under the response, when the container is Jetty. */
    private volatile EndPoint connection;

    /** Guarded by this. */
    private AsyncContext context;

    /** Guarded by this. */
    private boolean closed;

    @Override
    public void open(Output output) {
        this.output = output;
    }

    /**
     * Hands over the asynchronous request, whose headers are committed, and tells the output it may write (now, or,
     * through the servlet output, once the container is ready). False when the stream has already ended, in which
     * case the caller completes the request itself.
     *
     * @param toConnection whether frames go straight to the connection (its body runs until the connection closes),
     *     rather than through the servlet output
     */
    boolean start(AsyncContext context, Optional<EndPoint> connection, boolean toConnection) throws IOException {
        ServletOutputStream stream =
                toConnection ? null : containerResponse(context).getOutputStream();
        synchronized (this) {
            if (closed) {
                return false;
            }
            this.connection = connection.orElse(null);
            this.context = context;
            if (stream != null) {
                this.out = stream;
                stream.setWriteListener(new Listener());
                return true;
            }
            this.direct = new ConnectionWriter(connection.orElseThrow());
        }
        output.writable();
        return true;
    }

    @Override
    public boolean write(byte[] frames) throws IOException {
        ConnectionWriter writer = direct;
        if (writer != null) {
            return writer.write(frames);
        }
        ServletOutputStream stream = out;
        // A fresh buffer per write: the container may keep it, with its position, until the client has taken it.
        stream.write(ByteBuffer.wrap(frames));
        return stream.isReady();
    }

    /**
     * The container's own response under the framework's wrappers. They guard a request that the framework manages,
     * checking its state and the buffer size on every write and flush; this stream manages its own lifecycle (a failed
     * write ends it), and under fan-out those checks cost as much as the write itself.
     */
    private static ServletResponse containerResponse(AsyncContext context) {
        ServletResponse response = context.getResponse();
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        return response;
    }

    /** Resets the connection itself: a pending write fails at once, and Jetty completes the request. */
    @Override
    public void abort() {
        EndPoint endPoint = connection;
        if (endPoint == null) {
            close();
        } else {
            JettyConnection.abort(endPoint, new IOException("the client stopped reading"));
        }
    }

    /**
     * Completes the request. A write still going out then is cut off and the connection dropped (Jetty does not
     * complete a response under a pending write); the client resumes from its cursor as after any other end.
     */
    @Override
    public void close() {
        AsyncContext started;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            started = context;
        }
        if (started == null) {
            return; // not started yet: start(..) answers false and the controller completes the request
        }
        ConnectionWriter writer = direct;
        if (writer != null && writer.pending()) {
            // Jetty does not complete a response under a write of its connection that is still going out.
            JettyConnection.abort(writer.endPoint, new IOException("the stream ended under a pending write"));
        }
        try {
            started.complete();
        } catch (RuntimeException e) {
            // Already completed, or the client is gone: nothing left to end.
        }
    }

    /**
     * Writes frames straight to the connection and says whether they went out at once. One write at a time: the next
     * only after the last went out (the connection's contract). On a plain socket (no TLS between) the frames are
     * first offered to the socket itself, one system call and nothing else, which is all a client that keeps up ever
     * needs; what the socket does not take is handed to the endpoint, which writes it once the socket has room and
     * then calls back.
     */
    private final class ConnectionWriter implements Callback {

        private static final int IDLE = 0;
        private static final int WRITING = 1;
        private static final int PENDING = 2;
        private static final int FAILED = 3;

        private final EndPoint endPoint;
        /** The endpoint when it is a plain socket's, else null. */
        private final SocketChannelEndPoint socketEndPoint;

        private final SocketChannel socket;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile Throwable failure;

        ConnectionWriter(EndPoint endPoint) {
            this.endPoint = endPoint;
            this.socketEndPoint = endPoint instanceof SocketChannelEndPoint plain ? plain : null;
            this.socket = socketEndPoint == null ? null : socketEndPoint.getChannel();
        }

        boolean write(byte[] frames) throws IOException {
            // A fresh buffer per write: the endpoint keeps it, with its position, until the client has taken it.
            ByteBuffer buffer = ByteBuffer.wrap(frames);
            if (socket != null) {
                socket.write(buffer); // non-blocking: takes what fits in the socket's buffer
                socketEndPoint.notIdle(); // as the endpoint's own writes do, so that its idle timeout stays away
                if (!buffer.hasRemaining()) {
                    return true;
                }
            }
            state.set(WRITING);
            endPoint.write(this, buffer);
            if (state.compareAndSet(WRITING, PENDING)) {
                return false; // the connection calls back once the socket has taken the rest
            }
            if (state.get() == FAILED) {
                throw failure instanceof IOException e ? e : new IOException(failure);
            }
            return true;
        }

        boolean pending() {
            return state.get() == PENDING;
        }

        @Override
        public void succeeded() {
            // Still WRITING: it went out within write(..), which answers true.
            if (!state.compareAndSet(WRITING, IDLE)) {
                state.set(IDLE);
                output.writable();
            }
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
            if (!state.compareAndSet(WRITING, FAILED)) {
                state.set(FAILED);
                output.failed(cause);
            }
        }
    }

    private final class Listener implements WriteListener {

        @Override
        public void onWritePossible() {
            output.writable();
        }

        @Override
        public void onError(Throwable failure) {
            output.failed(failure);
        }
    }
}
