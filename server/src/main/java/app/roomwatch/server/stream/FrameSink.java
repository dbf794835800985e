package app.roomwatch.server.stream;

import java.io.IOException;

/**
 * Where one connection's frames go: the HTTP response's non-blocking output, or a test's buffer. Nothing here waits
 * for a client: a write starts sending and says whether it has gone out; when it has not, the sink tells its
 * {@link Output} once it has.
 */
interface FrameSink {

    /**
     * Starts delivering to {@code output}, once: its {@link Output#writable()} runs (now, or when the response is
     * ready) before the first write may go, and again after each write that returned false, once that write has
     * gone out; {@link Output#failed} runs when the connection failed under a pending write. Either may run on any
     * thread.
     */
    void open(Output output);

    /**
     * Starts writing {@code frames}; never waits. Only called when the sink is writable: after {@link
     * Output#writable()} and after a write that returned true.
     *
     * @param frames may be an event's frame shared by every connection: read it, never change it; the sink may hold
     *     it until it has gone out
     * @return true when the frames have gone out and the next write may follow at once, false when they are still
     *     going out ({@link Output#writable()} follows once they have)
     * @throws IOException when the connection is gone
     */
    boolean write(byte[] frames) throws IOException;

    /** Ends the response; safe to call more than once and after a failed write. */
    void close();

    /**
     * Drops the connection at once, failing a write that waits for a client that stopped reading; what the client has
     * not taken is discarded. Safe to call from any thread, more than once.
     */
    default void abort() {
        close();
    }

    /** What a sink tells its connection. */
    interface Output {

        /** The sink takes a write now. */
        void writable();

        /** A pending write failed: the connection is gone. */
        void failed(Throwable cause);
    }
}
