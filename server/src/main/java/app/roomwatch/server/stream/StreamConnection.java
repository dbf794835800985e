package app.roomwatch.server.stream;

import app.roomwatch.model.event.Connected;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.Reset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream, written without a thread of its own once it is live. The opening frames and the replay of what
 * the client missed are written first (the replay by a short-lived virtual thread, as it reads the log). Then:
 *
 * <ul>
 *   <li>while the stream is <em>caught up</em> (nothing queued, nothing going out, its output ready), the hub's
 *       dispatcher writes each live event's shared frame to it directly, without waiting;
 *   <li>otherwise the event joins the stream's bounded queue, behind what is there, and the queue is written from
 *       the output's own callback each time a write has gone out, until the stream is caught up again.
 * </ul>
 *
 * Every write, and every change of the queue, happens under this connection's lock, so the switch between direct and
 * queued writing keeps the hub's order: nothing is lost, repeated or reordered. No write waits for a client: one that
 * the client's socket does not take at once stays pending until the output calls back, and the hub's housekeeping
 * closes a stream whose write stays pending for the write timeout. A stream whose queue overflows is closed; its
 * client resumes from its cursor.
 */
final class StreamConnection implements FrameSink.Output {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    /** A queue item that is not an event. */
    private enum Signal {
        PING
    }

    private static final int MAX_BATCH = 256;

    /** The most written at once: a client must take this much within a write timeout to count as reading. */
    static final int SLICE = 16 * 1024;

    private static final long NOT_PENDING = Long.MIN_VALUE;

    private final long number;
    private final String sessionId;
    private final Instant expiresAt;
    private final int capacity;
    private final FrameSink sink;
    private volatile Scope scope;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the replay may hand over its next page, or must stop. */
    private final Condition replayMayWrite = lock.newCondition();

    /** Events and pings waiting for the output; guarded by {@link #lock}. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>(1);
    /** The opening and the replay are written: queued events drain, caught-up events go direct. */
    private boolean live;
    /** The output takes a write now. */
    private boolean ready;
    /** What is being written, slice by slice; null when nothing is. */
    private byte[] outgoing;

    private int outgoingAt;
    /** The cursor of the last event written: one at or before it reached the client already. */
    private Cursor written = Cursor.START;
    /** The replay's thread runs; the stream ends only after it. */
    private boolean replaying;
    /** The sink was closed and the stream's end reported, once. */
    private boolean ended;
    /** Set by {@link #start}; guarded by {@link #lock}. */
    private Writing writing;

    private volatile boolean closed;
    private volatile String closeReason;
    /** {@link System#nanoTime()} when the write still going out began; {@link #NOT_PENDING} when none is. */
    private volatile long pendingSince = NOT_PENDING;

    /** Set by the hub's join, then read and written by its housekeeping thread alone. */
    Instant nextPingAt;

    /**
     * The hub's, under its lock: this connection's events of the read being delivered, in log order; null between
     * reads. A list of one may be shared with other connections and is replaced, never changed, when a second comes.
     */
    List<StoredEvent> share;

    StreamConnection(long number, Scope scope, String sessionId, Instant expiresAt, int capacity, FrameSink sink) {
        this.number = number;
        this.scope = scope;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
        this.capacity = capacity;
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

    String closeReason() {
        return closeReason;
    }

    /** Hands one live event to this stream; see {@link #offer(List, byte[])}. */
    boolean offer(StoredEvent event) {
        return offer(List.of(event), event.frame());
    }

    /**
     * Hands live events to this stream, in log order; never waits for the client. Caught up, the stream gets them
     * written right here, on the caller's thread, in one write; else they are queued.
     *
     * @param frames the events' frames joined, shared by every connection that gets the same events
     * @return false when the stream is closed, or its queue is full (the caller then closes it)
     */
    boolean offer(List<StoredEvent> events, byte[] frames) {
        boolean end;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (!caughtUp()) {
                if (queue.size() + events.size() > capacity) {
                    return false;
                }
                queue.addAll(events);
                return true;
            }
            // Those at or before the written cursor reached the client already (by replay, or on another instance
            // that was further ahead): at-least-once, but never a duplicate on one stream. They come first.
            int seen = 0;
            while (seen < events.size() && !events.get(seen).cursor().isAfter(written)) {
                seen++;
            }
            if (seen < events.size()) {
                List<StoredEvent> fresh = seen == 0 ? events : events.subList(seen, events.size());
                byte[] out = seen == 0 ? frames : StoredEvent.joinedFrames(fresh);
                written = fresh.getLast().cursor();
                if (out.length <= SLICE) {
                    writeLocked(out);
                } else {
                    startLocked(out);
                }
                if (!closed) {
                    writing.metrics().wrote();
                    Instant now = writing.clock().instant();
                    for (StoredEvent event : fresh) {
                        writing.metrics().deliveredDirectly(event, now);
                    }
                }
            }
            end = claimEndLocked();
        } finally {
            lock.unlock();
        }
        if (end) {
            end();
        }
        return !closed;
    }

    /**
     * Writes a ping frame (the same for every stream pinged at once), or queues a ping behind what is waiting (dropped
     * when the queue is full).
     */
    void ping(byte[] frame) {
        underLock(() -> {
            if (closed) {
                return;
            }
            if (caughtUp()) {
                writeLocked(frame);
            } else if (queue.size() < capacity) {
                queue.addLast(Signal.PING);
            }
        });
    }

    /** Under the lock: live, with nothing queued or going out, and the output ready. */
    private boolean caughtUp() {
        return live && ready && outgoing == null && queue.isEmpty();
    }

    /**
     * Ends the stream: what is queued is dropped (the client resumes from its cursor), and the response is completed
     * at once; a write still going out is cut off with the connection.
     */
    void close(String reason) {
        underLock(() -> closeLocked(reason));
    }

    /**
     * Whether a write has been going out for longer than {@code limit} as of {@code nowNanos}: the client stopped
     * reading and its socket's buffers are full.
     */
    boolean writeStalled(long nowNanos, Duration limit) {
        long since = pendingSince;
        return since != NOT_PENDING && nowNanos - since >= limit.toNanos();
    }

    /**
     * Closes a stream whose client stopped reading: its connection is dropped, which fails the write still going
     * out to it.
     */
    void abort(String reason) {
        boolean end;
        lock.lock();
        try {
            closeLocked(reason);
            end = claimEndLocked();
        } finally {
            lock.unlock();
        }
        sink.abort();
        if (end) {
            end();
        }
    }

    /** The output took the last write: writes what is waiting, until it is all out or a write is pending again. */
    @Override
    public void writable() {
        underLock(() -> {
            pendingSince = NOT_PENDING;
            ready = true;
            pumpLocked();
        });
    }

    /** The connection failed under a pending write: the client is gone. */
    @Override
    public void failed(Throwable cause) {
        underLock(() -> {
            pendingSince = NOT_PENDING;
            closeLocked("write failed");
        });
    }

    /** Starts the stream: its opening frames, the replay of {@code (startAfter, registeredAt]}, then live events. */
    void start(Opening opening, Writing writing) {
        byte[] frames = openingFrames(opening, writing);
        boolean replay = opening.registeredAt().isAfter(opening.startAfter());
        boolean ended = underLock(() -> {
            this.writing = writing;
            if (!closed) {
                written = opening.startAfter();
                outgoing = frames;
                outgoingAt = 0;
                replaying = replay;
                live = !replay;
            }
        });
        if (ended) {
            return;
        }
        sink.open(this);
        if (replay) {
            Thread.ofVirtual().name("stream-replay-" + number).start(() -> replay(opening));
        }
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

    /** What the stream uses besides its own queue. */
    record Writing(
            Frames frames,
            EventLogReader log,
            StreamMetrics metrics,
            Clock clock,
            Duration retry,
            int readBatch,
            Consumer<StreamConnection> ended) {}

    private byte[] openingFrames(Opening opening, Writing writing) {
        var start = new ByteArrayOutputStream();
        start.writeBytes(Frames.retry(writing.retry()));
        start.writeBytes(writing.frames()
                .control(new Connected(
                        scope.describedTopics(), opening.startAfter().toString())));
        opening.resetReason()
                .ifPresent(reason -> start.writeBytes(writing.frames().control(new Reset(reason))));
        return start.toByteArray();
    }

    /**
     * Writes what the client missed, {@code (startAfter, registeredAt]}, a page at a time, each page once the one
     * before has gone out; then hands the stream over to live writing.
     */
    private void replay(Opening opening) {
        // The replay covers the log up to the registration point, so it uses the scope of that point even if a
        // supervision change rescopes the live part meanwhile.
        Scope opened = scope;
        Cursor upTo = opening.registeredAt();
        Cursor position = opening.startAfter();
        try {
            while (!closed && upTo.isAfter(position)) {
                var page = writing.log().readScope(opened, position, Optional.of(upTo), writing.readBatch());
                if (page.isEmpty()) {
                    break;
                }
                byte[] frames = StoredEvent.joinedFrames(
                        page.stream().filter(StoredEvent::isReadable).toList());
                if (!handOver(frames)) {
                    break;
                }
                writing.metrics().replayed(page.size());
                position = page.getLast().cursor();
            }
        } catch (InterruptedException e) {
            close("interrupted");
        } catch (RuntimeException e) {
            log.debug("Stream {} could not replay: {}", number, e.toString());
            close("replay failed");
        }
        // Everything of this scope up to the registration point is written; a client that was already further ahead
        // (it came from an instance that had read more) keeps its own cursor.
        Cursor replayed = position.isAfter(upTo) ? position : upTo;
        underLock(() -> {
            replaying = false;
            if (!closed) {
                written = replayed;
                live = true;
                pumpLocked();
            }
        });
    }

    /** Waits until the output has taken what went before, then starts writing {@code frames}; false when closed. */
    private boolean handOver(byte[] frames) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && (outgoing != null || !ready)) {
                replayMayWrite.await();
            }
            if (closed) {
                return false;
            }
            if (frames.length > 0) {
                startLocked(frames);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock, with nothing going out: starts writing {@code frames}, slice by slice. */
    private void startLocked(byte[] frames) {
        outgoing = frames;
        outgoingAt = 0;
        pumpLocked();
    }

    /**
     * Under the lock: writes while the output takes writes at once; what is going out first, then, once live, what
     * is queued. A large write (a replay page, a burst) goes in slices of {@link #SLICE} bytes, each timed on its own,
     * so that a client on a slow link that keeps taking data is never taken for one that stopped.
     */
    private void pumpLocked() {
        while (ready && !closed) {
            if (outgoing == null && !nextBatchLocked()) {
                return;
            }
            int from = outgoingAt;
            int to = Math.min(outgoing.length, from + SLICE);
            byte[] slice = from == 0 && to == outgoing.length ? outgoing : Arrays.copyOfRange(outgoing, from, to);
            if (to == outgoing.length) {
                outgoing = null;
            } else {
                outgoingAt = to;
            }
            writeLocked(slice);
        }
    }

    /**
     * Under the lock: takes what is queued as the next write. False when there is nothing to write now: nothing
     * queued, or the stream not live yet (the replay is told it may hand over its next page).
     */
    private boolean nextBatchLocked() {
        if (!live) {
            replayMayWrite.signal();
            return false;
        }
        // Small at first: they grow to the largest batch this stream has seen.
        List<byte[]> frames = new ArrayList<>();
        List<StoredEvent> sent = new ArrayList<>();
        while (frames.isEmpty() && !queue.isEmpty()) {
            for (int taken = 0; taken < MAX_BATCH && !queue.isEmpty(); taken++) {
                Object item = queue.pollFirst();
                if (item == Signal.PING) {
                    frames.add(writing.frames().control(new Ping(writing.clock().instant())));
                } else if (item instanceof StoredEvent event && event.cursor().isAfter(written)) {
                    frames.add(event.frame());
                    sent.add(event);
                    written = event.cursor();
                }
            }
        }
        if (frames.isEmpty()) {
            return false;
        }
        outgoing = Frames.joined(frames);
        outgoingAt = 0;
        if (!sent.isEmpty()) {
            writing.metrics().wrote();
        }
        Instant now = writing.clock().instant();
        for (StoredEvent event : sent) {
            writing.metrics().delivered(event, now);
        }
        return true;
    }

    /**
     * Under the lock, with the output ready: one write. A write the output does not take at once leaves it pending
     * (not ready) until {@link #writable()}; a failed one closes the stream.
     *
     * @return false when the write failed
     */
    private boolean writeLocked(byte[] frames) {
        ready = false;
        try {
            if (sink.write(frames)) {
                ready = true;
            } else {
                pendingSince = System.nanoTime();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // A failed write is how a vanished client shows itself; nothing to report beyond releasing it.
            closeLocked("write failed");
            return false;
        }
    }

    private void closeLocked(String reason) {
        if (closed) {
            return;
        }
        closeReason = reason;
        closed = true;
        queue.clear();
        outgoing = null;
        replayMayWrite.signal();
    }

    /**
     * Runs {@code action} under the lock, then ends the stream, outside the lock, when that left it closed and nobody
     * has ended it yet. The hub's {@link #offer} does the same inline, without a lambda per delivery.
     *
     * @return whether this call ended the stream
     */
    private boolean underLock(Runnable action) {
        boolean end;
        lock.lock();
        try {
            action.run();
            end = claimEndLocked();
        } finally {
            lock.unlock();
        }
        if (end) {
            end();
        }
        return end;
    }

    /** Under the lock: whether the caller is the one to end the stream now (closed, started, replay over). */
    private boolean claimEndLocked() {
        if (!closed || replaying || ended || writing == null) {
            return false;
        }
        ended = true;
        return true;
    }

    /** Outside the lock, once: completes the response and reports the end. */
    private void end() {
        sink.close();
        writing.ended().accept(this);
    }
}
