package app.roomwatch.loadtest;

import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.sse.FrozenClient;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Slow consumers: the same rate twice, first with every stream reading, then with one stream in a hundred replaced
 * by a {@link FrozenClient} that never reads. Only the other 99 % are measured, both times.
 */
final class StalledClients {

    private final FanOutLadder ladder;

    StalledClients(FanOutLadder ladder) {
        this.ladder = ladder;
    }

    Report.Stalled run(Target target, Fleet fleet, double rate, Duration warmup, Duration measure) throws IOException {
        List<SseStream> streams = fleet.streams();
        IntPredicate frozen = i -> i % 100 == 0;
        IntPredicate healthy = frozen.negate();
        ladder.warmUp(target, rate);
        Step baseline = ladder.step(target, fleet, streams.size(), rate, warmup, measure, healthy);
        Log.info("stalled baseline: p99 %.1f ms, lost %d", baseline.p99Ms(), baseline.lost());

        fleet.autoReconnect(false);
        List<FrozenClient> clients = new ArrayList<>();
        long closed = 0;
        try {
            for (SseStream s : streams) {
                if (frozen.test(s.index())) {
                    s.disconnect();
                    clients.add(FrozenClient.open(target.streamRequest(s.index(), s.lastEventId())));
                }
            }
            Step withStalled = ladder.step(target, fleet, streams.size(), rate, warmup, measure, healthy);
            for (FrozenClient client : clients) {
                if (client.closedByServer(Duration.ofSeconds(2))) {
                    closed++;
                }
            }
            Log.info(
                    "stalled: p99 %.1f ms, lost %d, frozen streams the server closed %d of %d",
                    withStalled.p99Ms(), withStalled.lost(), closed, clients.size());
            double increase = baseline.p99Ms() <= 0 ? 0 : (withStalled.p99Ms() / baseline.p99Ms() - 1) * 100;
            return new Report.Stalled(streams.size(), clients.size(), baseline, withStalled, increase, closed);
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
}
