package app.roomwatch.server.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** A sink that keeps what was written, at once, for tests of a connection without a socket. */
final class BufferSink implements FrameSink {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void open(Output output) {
        output.writable();
    }

    @Override
    public synchronized boolean write(byte[] frames) {
        written.writeBytes(frames);
        return true;
    }

    @Override
    public void close() {
        closed.countDown();
    }

    synchronized String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
