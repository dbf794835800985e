package app.roomwatch.loadtest;

import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reconnect storm: while messages keep coming, every stream drops its connection and reconnects at once with
 * {@code Last-Event-ID}; a refused attempt (429, a full accept queue) is retried after a short random wait, as
 * the console's backoff would, within the deadline. Then every stream must hold every message: none lost.
 */
final class ReconnectStorm {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    Report.Storm run(Target target, Fleet fleet, double rate, Duration before, Duration after) throws Exception {
        List<SseStream> streams = fleet.streams();
        long[] start = fleet.deliveredPerStream();
        long duplicatesBefore = fleet.duplicates();
        long refusedBefore = fleet.refused();
        var publisher = new Publisher(target::publish, 512);
        var outcome = new Publisher.Outcome[1];
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread publishing = Thread.ofPlatform()
                .daemon()
                .name("storm-publisher")
                .start(() ->
                        outcome[0] = publisher.run(rate, before.plus(DEADLINE).plus(after), stop::get));
        Thread.sleep(before.toMillis());
        fleet.autoReconnect(false);

        long stormStart = System.nanoTime();
        long deadline = stormStart + DEADLINE.toNanos();
        AtomicInteger resumed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> resumedAt = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try {
            for (SseStream s : streams) {
                CompletableFuture<Void> one = new CompletableFuture<>();
                done.add(one);
                attempt(s, one, retry, deadline, resumed, resumedAt);
            }
            for (CompletableFuture<Void> one : done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    one.get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    break;
                }
            }
        } finally {
            retry.shutdownNow();
        }
        long last = resumedAt.stream().mapToLong(Long::longValue).max().orElse(stormStart);
        double seconds = (last - stormStart) / 1e9;
        Log.info("storm: %d of %d resumed in %.1f s", resumed.get(), streams.size(), seconds);
        fleet.autoReconnect(true);
        // Messages keep coming a little longer, so that live delivery after the seam is checked too.
        Thread.sleep(after.toMillis());
        stop.set(true);
        publishing.join(TimeUnit.SECONDS.toMillis(60));
        long expected = outcome[0] == null ? 0 : outcome[0].expectedPerStream();
        long lost = FanOutLadder.awaitDeliveries(fleet, start, expected, null);
        return new Report.Storm(
                streams.size(),
                resumed.get(),
                seconds,
                expected * streams.size(),
                lost,
                fleet.duplicates() - duplicatesBefore,
                fleet.refused() - refusedBefore);
    }

    private static void attempt(
            SseStream stream,
            CompletableFuture<Void> done,
            ScheduledExecutorService retry,
            long deadline,
            AtomicInteger resumed,
            ConcurrentLinkedQueue<Long> resumedAt) {
        if (System.nanoTime() > deadline) {
            done.complete(null);
            return;
        }
        stream.reconnect().whenComplete((status, error) -> {
            if (status != null && status == 200) {
                resumed.incrementAndGet();
                resumedAt.add(System.nanoTime());
                done.complete(null);
            } else {
                long wait =
                        200 + java.util.concurrent.ThreadLocalRandom.current().nextLong(800);
                retry.schedule(
                        () -> attempt(stream, done, retry, deadline, resumed, resumedAt), wait, TimeUnit.MILLISECONDS);
            }
        });
    }
}
