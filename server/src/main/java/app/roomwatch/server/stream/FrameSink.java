package app.roomwatch.server.stream;

import java.io.IOException;

/** Where one connection's frames go: the HTTP response, or a test's buffer. */
interface FrameSink {

    /**
     * Writes and flushes; blocks while the client's socket is full. The array may be an event's frame shared by every
     * connection: read it, never change or keep it.
     */
    void write(byte[] frames) throws IOException;

    /** Ends the response; safe to call more than once and after a failed write. */
    void close();

    /**
     * Drops the connection at once, failing a write that waits for a client that stopped reading; what the client has
     * not taken is discarded. Safe to call from any thread, more than once.
     */
    default void abort() {
        close();
    }
}
