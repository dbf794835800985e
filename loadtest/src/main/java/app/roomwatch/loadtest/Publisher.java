package app.roomwatch.loadtest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Publishes at a fixed rate for a fixed time (an open loop: the schedule does not wait for the server), with a cap
 * on calls in flight. When the cap is reached a message is skipped and counted: then the server, not the tool, sets
 * the pace, and the step says so.
 */
final class Publisher {

    /** What one paced run achieved. */
    record Outcome(long attempted, long accepted, long expectedPerStream, long skipped, double seconds) {
        double acceptedPerSecond() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Supplier<CompletableFuture<Integer>> publish;
    private final int maxInFlight;
    private final Duration drain;

    Publisher(Supplier<CompletableFuture<Integer>> publish, int maxInFlight) {
        this(publish, maxInFlight, DRAIN);
    }

    /** @param drain how long a run waits at its end for answers still in flight */
    Publisher(Supplier<CompletableFuture<Integer>> publish, int maxInFlight, Duration drain) {
        this.publish = publish;
        this.maxInFlight = maxInFlight;
        this.drain = drain;
    }

    /** Runs {@code rate} messages a second for {@code duration}, then waits (bounded) for the answers in flight. */
    Outcome run(double rate, Duration duration) {
        return run(rate, duration, () -> false);
    }

    /** As {@link #run(double, Duration)}, ending early once {@code stop} says so. */
    Outcome run(double rate, Duration duration, java.util.function.BooleanSupplier stop) {
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong expected = new AtomicLong();
        long skipped = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total && !stop.getAsBoolean(); i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                skipped++;
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<Integer> sent;
            try {
                sent = publish.get();
            } catch (RuntimeException e) {
                // a publish that cannot even be sent counts like a refused one: not accepted, nothing expected
                inFlight.decrementAndGet();
                continue;
            }
            sent.whenComplete((deliveries, error) -> {
                if (error == null && deliveries != null && deliveries > 0) {
                    accepted.incrementAndGet();
                    expected.addAndGet(deliveries);
                }
                inFlight.decrementAndGet();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drainDeadline = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return new Outcome(total, accepted.get(), expected.get(), skipped, seconds);
    }
}
