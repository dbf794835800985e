package app.roomwatch.server.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.io.EndPoint;

/**
 * Frames straight to the servlet response of an asynchronous request: one write and one flush per batch the
 * connection's writer hands over, with nothing between the writer and the container's output buffer. The writer may start
 * before the request has gone asynchronous, so its first write waits for {@link #start}.
 */
final class ServletSink implements FrameSink {

    private final CompletableFuture<AsyncContext> started = new CompletableFuture<>();

    /** The connection under the response, when the container is Jetty; set before {@link #started} completes. */
    private volatile EndPoint connection;

    /** Used by the connection's writer only. */
    private OutputStream out;

    /**
     * Hands over the asynchronous request; false when the stream has already ended, in which case the caller
     * completes the request itself.
     */
    boolean start(AsyncContext context, Optional<EndPoint> connection) {
        this.connection = connection.orElse(null);
        return started.complete(context);
    }

    @Override
    public void write(byte[] frames) throws IOException {
        if (out == null) {
            try {
                out = containerResponse(started.get()).getOutputStream();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stream closed before its request went asynchronous");
            } catch (ExecutionException e) {
                throw new IOException("stream ended before its request went asynchronous", e.getCause());
            }
        }
        out.write(frames);
        out.flush();
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

    /** Resets the connection itself: a blocked write fails at once, and Jetty completes the request. */
    @Override
    public void abort() {
        EndPoint endPoint = connection;
        if (endPoint == null) {
            close();
        } else {
            JettyConnection.abort(endPoint, new IOException("the client stopped reading"));
        }
    }

    @Override
    public void close() {
        if (started.completeExceptionally(new IllegalStateException("stream ended"))) {
            return; // not asynchronous yet: start(..) answers false and the controller completes the request
        }
        if (!started.isCompletedExceptionally()) {
            try {
                started.join().complete();
            } catch (RuntimeException e) {
                // Already completed, or the client is gone: nothing left to end.
            }
        }
    }
}
