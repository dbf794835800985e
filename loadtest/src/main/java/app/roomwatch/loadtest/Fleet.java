package app.roomwatch.loadtest;

import app.roomwatch.loadtest.measure.Window;
import app.roomwatch.loadtest.sse.SseClient;
import app.roomwatch.loadtest.sse.SseEvent;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The subscribers of one target: N streams spread over an {@link SseClient}'s selector threads, counting
 * per stream the delivery frames it got, and recording every delivery's latency into the current {@link Window}.
 * A stream the server ends comes back after a second with {@code Last-Event-ID}, as the console would.
 */
final class Fleet implements AutoCloseable {

    private static final int MAX_RECONNECTS_PER_STREAM = 50;

    private final Target target;
    private final byte[] deliveryEvent;
    private final SseClient readers;
    private final List<SseStream> streams = new ArrayList<>();
    private final ScheduledExecutorService retries;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile Window window = new Window();
    private volatile boolean closing;
    private volatile boolean autoReconnect = true;
    private AtomicLongArray delivered = new AtomicLongArray(0);
    private long[] lastTx = new long[0];
    private long[] lastId = new long[0];
    private int[] reconnectsOf = new int[0];

    /** @param readerThreads selector threads reading the streams (see {@link SseClient#defaultThreads()}) */
    Fleet(Target target, int readerThreads) {
        this.target = target;
        this.deliveryEvent = target.deliveryEvent().getBytes(StandardCharsets.US_ASCII);
        try {
            this.readers = new SseClient(readerThreads, "sse-reader");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sse-retry").factory());
    }

    /**
     * Opens streams until there are {@code count}, at most {@code parallel} connecting at once, and waits (at most
     * {@code timeout}) until they are live. Answers how many are live.
     */
    int open(int count, int parallel, Duration timeout) throws InterruptedException {
        int from = streams.size();
        grow(count);
        Semaphore connecting = new Semaphore(parallel);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Integer>> pending = new ArrayList<>();
        for (int i = from; i < count && System.nanoTime() < deadline; i++) {
            final int index = i;
            SseStream stream = new SseStream(
                    index, readers, last -> target.streamRequest(index, last), target.readyEvent(), new Listener());
            if (!connecting.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            streams.add(stream);
            pending.add(stream.connect().whenComplete((status, e) -> connecting.release()));
        }
        awaitAll(pending, deadline);
        return live();
    }

    private void grow(int count) {
        if (delivered.length() >= count) {
            return;
        }
        AtomicLongArray next = new AtomicLongArray(count);
        for (int i = 0; i < delivered.length(); i++) {
            next.set(i, delivered.get(i));
        }
        delivered = next;
        lastTx = java.util.Arrays.copyOf(lastTx, count);
        lastId = java.util.Arrays.copyOf(lastId, count);
        reconnectsOf = java.util.Arrays.copyOf(reconnectsOf, count);
    }

    static void awaitAll(List<CompletableFuture<Integer>> pending, long deadlineNanos) {
        for (CompletableFuture<Integer> f : pending) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                f.get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // counted by live() below
            }
        }
    }

    int live() {
        int n = 0;
        for (SseStream s : streams) {
            if (s.isLive()) {
                n++;
            }
        }
        return n;
    }

    List<SseStream> streams() {
        return streams;
    }

    /** Starts a new measured window; deliveries from now on count in it. */
    Window startWindow() {
        Window next = new Window();
        window = next;
        return next;
    }

    /** Delivery frames each stream has received so far (duplicates left out). */
    long[] deliveredPerStream() {
        long[] copy = new long[streams.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = delivered.get(i);
        }
        return copy;
    }

    /** Whether streams the server ends come back by themselves (off while a scenario reconnects them itself). */
    void autoReconnect(boolean on) {
        autoReconnect = on;
    }

    long reconnects() {
        return reconnects.get();
    }

    long refused() {
        return refused.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        closing = true;
        for (SseStream s : streams) {
            s.disconnect();
        }
        retries.shutdownNow();
        readers.close();
    }

    /** Each reader thread's scratch pair for a cursor's two numbers. */
    private static final ThreadLocal<long[]> CURSOR = ThreadLocal.withInitial(() -> new long[2]);

    private final class Listener implements SseStream.Listener {

        @Override
        public void frame(SseStream stream, SseEvent event, long receivedMicros) {
            if (!event.eventIs(deliveryEvent)) {
                return;
            }
            if (isDuplicate(stream.index(), event)) {
                duplicates.incrementAndGet();
                return;
            }
            delivered.incrementAndGet(stream.index());
            long emitted = event.emittedAtMicros();
            window.delivered(emitted < 0 ? -1 : receivedMicros - emitted);
        }

        /**
         * Roomwatch cursors are {@code <txId>-<id>} and increase along a stream; a frame not after the last one is a
         * duplicate. Other ids (the peers') are not compared.
         */
        private boolean isDuplicate(int index, SseEvent event) {
            long[] cursor = CURSOR.get();
            if (!event.cursor(cursor)) {
                return false;
            }
            long tx = cursor[0];
            long row = cursor[1];
            // One reader thread per connection at a time, so these plain arrays see no concurrent writes per index.
            if (tx < lastTx[index] || (tx == lastTx[index] && row <= lastId[index])) {
                return true;
            }
            lastTx[index] = tx;
            lastId[index] = row;
            return false;
        }

        @Override
        public void ended(SseStream stream) {
            int index = stream.index();
            if (stream.lastStatus() == 429 || stream.lastStatus() == 401 || stream.lastStatus() == 403) {
                refused.incrementAndGet();
            }
            if (closing || !autoReconnect || reconnectsOf[index] >= MAX_RECONNECTS_PER_STREAM) {
                return;
            }
            reconnectsOf[index]++;
            reconnects.incrementAndGet();
            long delay = 1000 + ThreadLocalRandom.current().nextLong(500);
            try {
                retries.schedule(stream::connect, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }
}
