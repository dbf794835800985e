package app.roomwatch.console.realtime;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** An SSE response body that stays open and writes the frames a test hands it, until the test ends it. */
final class SseFeed implements MockResponseBody {

    private static final String END = "\u0000end";

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private volatile boolean abandoned;

    /** Sends raw SSE text, e.g. {@code "event: ping\ndata: {}\n\n"}. */
    SseFeed send(String frame) {
        frames.add(frame);
        return this;
    }

    /** Ends the response normally: the client sees the server close the stream. */
    void end() {
        frames.add(END);
    }

    /** Stops writing without a word, for the end of a test. */
    void abandon() {
        abandoned = true;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        while (!abandoned) {
            String frame;
            try {
                frame = frames.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (END.equals(frame)) {
                return;
            }
            if (frame != null) {
                sink.writeUtf8(frame);
                sink.flush();
            }
        }
    }
}
