package app.roomwatch.server.scan;

import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.scan.ScanService.Answer;
import app.roomwatch.server.scan.ScanService.Scan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit for scans (decision 0019): scans that arrive while their lane is busy are recorded together, in one
 * transaction with one commit, when it is free. A lone scan is recorded alone, as soon as it comes, on its request's
 * thread.
 *
 * <p>Every scan at one room's door goes to the same lane, so that one lane's transaction at a time holds a room's
 * activity, and a busy room does not make lanes wait for each other. A batch that fails (a concurrent retry took a
 * key, a deadlock with another instance, a scan that fails on its own) is rolled back whole, and each of its scans
 * then recorded alone, in its own transaction: a failing scan fails alone, as it would without batches.
 */
@Component
class ScanLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScanLanes.class);

    /** The most scans one transaction records: it bounds how long a batch holds its rooms' locks. */
    static final int MAX_BATCH = 64;

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** A scan waiting for its lane, and its answer once committed. */
    private record Pending(Scan scan, CompletableFuture<Answer> answer) {}

    private final ScanService scans;
    private final DeviceRateLimiter rateLimiter;
    private final List<Lane> lanes = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Counter batchesSplit;

    ScanLanes(ScanService scans, DeviceRateLimiter rateLimiter, RoomwatchProperties properties, MeterRegistry meters) {
        this.scans = scans;
        this.rateLimiter = rateLimiter;
        this.batchSizes = DistributionSummary.builder("roomwatch.scan.batch.size")
                .description("Scans recorded in one transaction")
                .register(meters);
        this.batchesSplit = Counter.builder("roomwatch.scan.batches.split")
                .description("Batches rolled back and recorded scan by scan (a concurrent retry, a deadlock, a"
                        + " failing scan)")
                .register(meters);
        Gauge.builder(
                        "roomwatch.scan.queued",
                        lanes,
                        all -> all.stream().mapToInt(lane -> lane.waiting.get()).sum())
                .description("Scans waiting for their lane")
                .register(meters);
        int count = properties.scan().lanes() > 0
                ? properties.scan().lanes()
                : Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < count; i++) {
            lanes.add(new Lane(i));
        }
    }

    /**
     * Records the scan in its room's lane and answers once it has committed; throws what recording it threw, or a 429
     * when its scanner is over its rate limit (taken here, for every scan of a batch at once). A lane
     * with nothing to do records it right here, on the request's thread: no hand-off to the lane's thread and back,
     * which on a busy core costs a scan that comes alone milliseconds. Scans that come meanwhile queue as usual.
     */
    Answer record(Scan scan) {
        Lane lane = lanes.get(Math.floorMod(Long.hashCode(scan.device().roomId()), lanes.size()));
        if (lane.waiting.get() == 0 && lane.busy.tryLock()) {
            try {
                Duration wait = rateLimiter.acquire(scan.device().id());
                if (!wait.isZero()) {
                    throw DeviceRateLimiter.tooManyRequests(wait);
                }
                batchSizes.record(1);
                return scans.record(scan);
            } finally {
                lane.busy.unlock();
            }
        }
        Pending pending = new Pending(scan, new CompletableFuture<>());
        lane.waiting.incrementAndGet();
        lane.queue.add(pending);
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }

    /** Stops the lanes once the web server has answered its last request; a scan still queued then fails. */
    @Override
    public void destroy() throws InterruptedException {
        lanes.forEach(lane -> lane.thread.interrupt());
        for (Lane lane : lanes) {
            lane.thread.join(CLOSE_WAIT);
            List<Pending> left = new ArrayList<>();
            lane.queue.drainTo(left);
            left.forEach(pending ->
                    pending.answer().completeExceptionally(new IllegalStateException("the server is stopping")));
        }
    }

    private final class Lane implements Runnable {

        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        /** Held while the lane records: by its thread for a batch, or by a request recording a scan that came alone. */
        private final ReentrantLock busy = new ReentrantLock();
        /** Scans queued and not yet being recorded. */
        private final AtomicInteger waiting = new AtomicInteger();

        private final Thread thread;

        Lane(int index) {
            thread = Thread.ofPlatform().daemon().name("scan-lane-" + index).start(this);
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (true) {
                try {
                    batch.add(queue.take());
                    busy.lockInterruptibly();
                } catch (InterruptedException e) {
                    batch.forEach(pending -> pending.answer()
                            .completeExceptionally(new IllegalStateException("the server is stopping")));
                    return;
                }
                try {
                    queue.drainTo(batch, MAX_BATCH - 1);
                    waiting.addAndGet(-batch.size());
                    List<Pending> allowed = withinLimits(batch);
                    if (allowed.size() == 1) {
                        batchSizes.record(1);
                        alone(allowed.getFirst());
                    } else if (!allowed.isEmpty()) {
                        batchSizes.record(allowed.size());
                        together(allowed);
                    }
                } finally {
                    busy.unlock();
                    batch.clear();
                }
            }
        }

        /** Takes the batch's scanners' limits in one go; a scan over its scanner's limit is answered 429 now. */
        private List<Pending> withinLimits(List<Pending> batch) {
            List<Duration> waits;
            try {
                waits = rateLimiter.acquireAll(batch.stream()
                        .map(pending -> pending.scan().device().id())
                        .toList());
            } catch (RuntimeException | Error e) {
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
                return List.of();
            }
            List<Pending> allowed = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (waits.get(i).isZero()) {
                    allowed.add(batch.get(i));
                } else {
                    batch.get(i).answer().completeExceptionally(DeviceRateLimiter.tooManyRequests(waits.get(i)));
                }
            }
            return allowed;
        }

        private void together(List<Pending> batch) {
            Optional<List<Answer>> answers;
            try {
                answers = scans.record(batch.stream().map(Pending::scan).toList());
            } catch (RuntimeException | Error e) {
                log.debug("A batch of {} scans failed; recording each alone", batch.size(), e);
                answers = Optional.empty();
            }
            if (answers.isEmpty()) {
                batchesSplit.increment();
                batch.forEach(this::alone);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                Answer answer = answers.get().get(i);
                if (answer == null) {
                    alone(batch.get(i));
                } else {
                    batch.get(i).answer().complete(answer);
                }
            }
        }

        private void alone(Pending pending) {
            try {
                pending.answer().complete(scans.record(pending.scan()));
            } catch (RuntimeException | Error e) {
                pending.answer().completeExceptionally(e);
            }
        }
    }
}
