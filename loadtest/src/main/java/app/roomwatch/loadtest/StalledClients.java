package app.roomwatch.loadtest;

import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Slow consumers: the same rate twice, first with every stream reading, then with one stream in a hundred frozen
 * (it stops reading; its socket fills). Only the healthy streams are measured both times.
 */
final class StalledClients {

    private final FanOutLadder ladder;

    StalledClients(FanOutLadder ladder) {
        this.ladder = ladder;
    }

    Report.Stalled run(Target target, Fleet fleet, double rate, Duration warmup, Duration measure) {
        List<SseStream> streams = fleet.streams();
        IntPredicate stalled = i -> i % 100 == 0;
        IntPredicate healthy = stalled.negate();
        Step baseline = ladder.step(target, fleet, streams.size(), rate, warmup, measure, healthy);
        Log.info("stalled baseline: p99 %.1f ms, lost %d", baseline.p99Ms(), baseline.lost());
        int stalledCount = 0;
        long endsBefore = 0;
        for (SseStream s : streams) {
            if (stalled.test(s.index())) {
                endsBefore += s.ends();
                s.stall();
                stalledCount++;
            }
        }
        Step withStalled = ladder.step(target, fleet, streams.size(), rate, warmup, measure, healthy);
        long endsAfter = 0;
        for (SseStream s : streams) {
            if (stalled.test(s.index())) {
                endsAfter += s.ends();
            }
        }
        Log.info(
                "stalled: p99 %.1f ms, lost %d, stalled streams ended by the server %d",
                withStalled.p99Ms(), withStalled.lost(), endsAfter - endsBefore);
        for (SseStream s : streams) {
            if (stalled.test(s.index())) {
                s.resume();
                if (!s.isLive()) {
                    s.connect();
                }
            }
        }
        double increase = baseline.p99Ms() <= 0 ? 0 : (withStalled.p99Ms() / baseline.p99Ms() - 1) * 100;
        return new Report.Stalled(
                streams.size(), stalledCount, baseline, withStalled, increase, endsAfter - endsBefore);
    }
}
