package app.roomwatch.server.stream;

import app.roomwatch.model.event.Connected;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.Reset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream: a bounded queue the hub fills without ever waiting, and one writer (a virtual thread) that
 * writes the opening frames, replays what the client missed, then writes live events as they come. A connection
 * whose queue overflows is closed; its client resumes from its cursor.
 */
final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    /** Queue items that are not events. */
    private enum Signal {
        PING,
        CLOSE
    }

    private static final int MAX_BATCH = 256;

    private final long number;
    private final String sessionId;
    private final Instant expiresAt;
    private final BlockingQueue<Object> queue;
    private final FrameSink sink;
    private volatile Scope scope;
    private volatile boolean closed;
    private volatile String closeReason;
    private volatile Thread writer;
    /** {@link System#nanoTime()} when the write under way began; {@link #NOT_WRITING} between writes. */
    private volatile long writingSince = NOT_WRITING;

    private static final long NOT_WRITING = Long.MIN_VALUE;

    /** Guarded by the hub's lock. */
    Instant nextPingAt;

    StreamConnection(long number, Scope scope, String sessionId, Instant expiresAt, int capacity, FrameSink sink) {
        this.number = number;
        this.scope = scope;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
        // Linked, not an array: an array of the full capacity would cost every idle stream 4 KiB of heap.
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sink = sink;
    }

    long number() {
        return number;
    }

    Scope scope() {
        return scope;
    }

    /** Called by the hub, under its lock, when a supervision change moves this connection's scope. */
    void rescope(Scope newScope) {
        this.scope = newScope;
    }

    String sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isClosed() {
        return closed;
    }

    /** Hands a live event to the writer; false when the queue is full (the caller then closes this connection). */
    boolean offer(StoredEvent event) {
        return !closed && queue.offer(event);
    }

    void ping() {
        if (!closed) {
            queue.offer(Signal.PING);
        }
    }

    /**
     * Ends the stream: what is queued is dropped (the client resumes from its cursor). A connection closed for falling
     * behind also has its writer interrupted, which may be blocked on a client that stopped reading.
     */
    void close(String reason, boolean interruptWriter) {
        if (closed) {
            return;
        }
        closeReason = reason;
        closed = true;
        queue.clear();
        queue.offer(Signal.CLOSE);
        Thread thread = writer;
        if (interruptWriter && thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Whether a write has waited for the client longer than {@code limit} as of {@code nowNanos}: the client stopped
     * reading and its socket's buffers are full.
     */
    boolean writeStalled(long nowNanos, Duration limit) {
        long since = writingSince;
        return since != NOT_WRITING && nowNanos - since >= limit.toNanos();
    }

    /**
     * Closes a stream whose client stopped reading: its connection is dropped, which fails the write that waits for
     * it, and the writer ends.
     */
    void abort(String reason) {
        close(reason, true);
        sink.abort();
    }

    /**
     * Every write goes through here, so that the hub's housekeeping can see one that does not complete. A large write
     * (a replay page, a burst) goes in slices of {@link #SLICE} bytes, each timed on its own: a client on a slow link
     * that keeps taking data is never taken for one that stopped.
     */
    private void write(byte[] frames) throws IOException {
        try {
            if (frames.length <= SLICE) {
                writingSince = System.nanoTime();
                sink.write(frames);
                return;
            }
            for (int from = 0; from < frames.length; from += SLICE) {
                writingSince = System.nanoTime();
                sink.write(Arrays.copyOfRange(frames, from, Math.min(frames.length, from + SLICE)));
            }
        } finally {
            writingSince = NOT_WRITING;
        }
    }

    /** The most written at once: a client must take this much within a write timeout to count as reading. */
    static final int SLICE = 16 * 1024;

    String closeReason() {
        return closeReason;
    }

    /** Starts the writer, which replays {@code (startAfter, registeredAt]} before the live events. */
    void start(Opening opening, Writing writing) {
        writer = Thread.ofVirtual().name("stream-" + number).unstarted(() -> run(opening, writing));
        writer.start();
    }

    /**
     * How the stream opens.
     *
     * @param startAfter where the stream starts: the client's cursor when it can be resumed, else the end of the log
     *     as it was when the client connected
     * @param registeredAt the hub's position when this connection joined: replay ends there, live events follow
     * @param resetReason why the client's cursor could not be resumed, if it could not
     */
    record Opening(Cursor startAfter, Cursor registeredAt, Optional<String> resetReason) {}

    /** What the writer uses besides its own queue. */
    record Writing(
            Frames frames,
            EventLogReader log,
            StreamMetrics metrics,
            Clock clock,
            Duration retry,
            int readBatch,
            Consumer<StreamConnection> ended) {}

    private void run(Opening opening, Writing writing) {
        Cursor written = opening.startAfter();
        // The replay covers the log up to the registration point, so it uses the scope of that point even if a
        // supervision change rescopes the live part meanwhile.
        Scope opened = scope;
        try {
            var start = new ByteArrayOutputStream();
            start.write(Frames.retry(writing.retry()));
            start.write(writing.frames().control(new Connected(opened.describedTopics(), written.toString())));
            if (opening.resetReason().isPresent()) {
                start.write(
                        writing.frames().control(new Reset(opening.resetReason().get())));
            }
            write(start.toByteArray());
            written = replay(opened, written, opening.registeredAt(), writing);
            live(written, writing);
        } catch (InterruptedException e) {
            log.debug("Stream {} interrupted: {}", number, closeReason);
        } catch (Exception e) {
            // A write failure is how a vanished client shows itself; nothing to report beyond releasing it.
            log.debug("Stream {} ended on a failed write: {}", number, e.toString());
        } finally {
            closed = true;
            queue.clear();
            sink.close();
            writing.ended().accept(this);
        }
    }

    private Cursor replay(Scope opened, Cursor after, Cursor upTo, Writing writing) throws Exception {
        Cursor position = after;
        while (!closed && upTo.isAfter(position)) {
            var page = writing.log().readScope(opened, position, Optional.of(upTo), writing.readBatch());
            if (page.isEmpty()) {
                break;
            }
            var frames = new ByteArrayOutputStream();
            for (StoredEvent event : page) {
                if (event.isReadable()) {
                    frames.write(event.frame());
                }
            }
            write(frames.toByteArray());
            writing.metrics().replayed(page.size());
            position = page.getLast().cursor();
        }
        // Everything of this scope up to the registration point is written; a client that was already further ahead
        // (it came from an instance that had read more) keeps its own cursor.
        return position.isAfter(upTo) ? position : upTo;
    }

    private void live(Cursor after, Writing writing) throws Exception {
        Cursor written = after;
        // Small at first: they grow to the largest batch this stream has seen, and 10,000 idle streams keep them.
        var batch = new ArrayList<Object>();
        var frames = new ArrayList<byte[]>();
        var sent = new ArrayList<StoredEvent>();
        while (!closed) {
            batch.clear();
            frames.clear();
            sent.clear();
            batch.add(queue.take());
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean closing = false;
            for (Object item : batch) {
                if (item == Signal.CLOSE) {
                    closing = true;
                    break;
                } else if (item == Signal.PING) {
                    frames.add(writing.frames().control(new Ping(writing.clock().instant())));
                } else if (item instanceof StoredEvent event && event.cursor().isAfter(written)) {
                    // Events at or before the written cursor reached the client already (by replay, or on another
                    // instance that was further ahead): at-least-once, but never a duplicate on one stream.
                    frames.add(event.frame());
                    sent.add(event);
                    written = event.cursor();
                }
            }
            if (!frames.isEmpty() && !closed) {
                write(joined(frames));
                Instant now = writing.clock().instant();
                for (StoredEvent event : sent) {
                    writing.metrics().delivered(event, now);
                }
            }
            if (closing) {
                return;
            }
        }
    }

    /**
     * The frames as one write. A lone frame (the usual case: one event, handed to thousands of connections) is the
     * event's own shared array, written as it is; the sink only reads it.
     */
    private static byte[] joined(List<byte[]> frames) {
        if (frames.size() == 1) {
            return frames.getFirst();
        }
        int length = 0;
        for (byte[] frame : frames) {
            length += frame.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, joined, at, frame.length);
            at += frame.length;
        }
        return joined;
    }
}
