package app.roomwatch.loadtest;

import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.sse.FrozenClient;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Slow consumers: the same rate for the same time twice, first with every stream reading, then with one stream in a
 * hundred replaced by a {@link FrozenClient} that never reads, for the plan's stall window: long enough for a server that closes
 * such clients to do so. Only the other 99 % are measured, both times; the frozen ones report when the server
 * closed them.
 */
final class StalledClients {

    /** How often each frozen client checks, without reading, whether the server has closed it. */
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    private final FanOutLadder ladder;

    StalledClients(FanOutLadder ladder) {
        this.ladder = ladder;
    }

    Report.Stalled run(Target target, Fleet fleet, double rate, Duration warmup, Duration stallWindow)
            throws IOException {
        List<SseStream> streams = fleet.streams();
        IntPredicate frozen = i -> i % 100 == 0;
        IntPredicate healthy = frozen.negate();
        ladder.warmUp(target, rate);
        // As long as the stalled step: a p99 over a longer window also takes in what comes round only now and then
        // (a round of pings, a collection), and the two would not measure the same thing.
        Step baseline = ladder.step(target, fleet, streams.size(), rate, warmup, stallWindow, healthy);
        Log.info("stalled baseline: p99 %.1f ms, lost %d", baseline.p99Ms(), baseline.lost());

        fleet.autoReconnect(false);
        List<FrozenClient> clients = new ArrayList<>();
        long closed = 0;
        try {
            long frozenAt = System.nanoTime();
            for (SseStream s : streams) {
                if (frozen.test(s.index())) {
                    s.disconnect();
                    clients.add(FrozenClient.open(target.streamRequest(s.index(), s.lastEventId())));
                }
            }
            double[] endedAfter = new double[clients.size()];
            Arrays.fill(endedAfter, Double.NaN);
            AtomicBoolean probing = new AtomicBoolean(true);
            Thread prober = Thread.ofPlatform().daemon().name("frozen-prober").start(() -> {
                // Bounded by the step: it stops when the step ends, at the latest after the window and a drain.
                while (probing.get()) {
                    for (int i = 0; i < clients.size(); i++) {
                        if (Double.isNaN(endedAfter[i]) && clients.get(i).closedByServerWithoutReading()) {
                            endedAfter[i] = (System.nanoTime() - frozenAt) / 1e9;
                        }
                    }
                    LockSupport.parkNanos(PROBE_EVERY.toNanos());
                }
            });
            Step withStalled = ladder.step(target, fleet, streams.size(), rate, warmup, stallWindow, healthy);
            probing.set(false);
            try {
                prober.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Double> seen = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                if (!Double.isNaN(endedAfter[i])) {
                    seen.add(endedAfter[i]);
                    closed++;
                } else if (clients.get(i).closedByServer(Duration.ofSeconds(2))) {
                    closed++;
                }
            }
            Collections.sort(seen);
            Log.info(
                    "stalled: p99 %.1f ms, lost %d, frozen streams the server closed %d of %d (seen closing after %s s)",
                    withStalled.p99Ms(), withStalled.lost(), closed, clients.size(), summary(seen));
            double increase = baseline.p99Ms() <= 0 ? 0 : (withStalled.p99Ms() / baseline.p99Ms() - 1) * 100;
            return new Report.Stalled(
                    streams.size(),
                    clients.size(),
                    baseline,
                    withStalled,
                    increase,
                    closed,
                    warmup.plus(stallWindow).toMillis() / 1000.0,
                    seen);
        } finally {
            for (FrozenClient client : clients) {
                client.close();
            }
            fleet.autoReconnect(true);
            for (SseStream s : streams) {
                if (frozen.test(s.index())) {
                    s.connect();
                }
            }
        }
    }

    private static String summary(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format("%.1f / %.1f / %.1f", sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast());
    }
}
