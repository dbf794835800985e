package app.roomwatch.server.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.io.EndPoint;

/**
 * Frames straight to the servlet response of an asynchronous request, through its non-blocking output: a write hands
 * the frames to the container and returns at once; when the client's socket did not take them all, the container
 * says so through {@code isReady()} and calls back once they have gone out.
 *
 * <p>Every write is a {@code write(ByteBuffer)}, which in Jetty bypasses the response's aggregation buffer: the frames
 * go to the socket at once, with no flush after them, and no aggregation buffer is ever taken for the stream. (A
 * small {@code write(byte[])} would be aggregated and wait for a flush, and once that buffer exists even a later
 * {@code write(ByteBuffer)} may be aggregated into it.)
 */
final class ServletSink implements FrameSink {

    /** Set by {@link #open} before the request goes asynchronous. */
    private volatile Output output;

    /** Set when the request goes asynchronous; then used by the connection's writes only. */
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
     * Hands over the asynchronous request and switches its output to non-blocking; the connection's output hears
     * {@link Output#writable()} once the container is ready. False when the stream has already ended, in which case
     * the caller completes the request itself.
     */
    boolean start(AsyncContext context, Optional<EndPoint> connection) throws IOException {
        ServletOutputStream stream = containerResponse(context).getOutputStream();
        synchronized (this) {
            if (closed) {
                return false;
            }
            this.connection = connection.orElse(null);
            this.context = context;
            this.out = stream;
            stream.setWriteListener(new Listener());
            return true;
        }
    }

    @Override
    public boolean write(byte[] frames) throws IOException {
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
        if (started != null) {
            try {
                started.complete();
            } catch (RuntimeException e) {
                // Already completed, or the client is gone: nothing left to end.
            }
        }
        // Not started yet: start(..) answers false and the controller completes the request.
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
