package app.roomwatch.loadtest;

import app.roomwatch.loadtest.measure.LatencyHistogram;
import app.roomwatch.loadtest.measure.ResourceMonitor;
import app.roomwatch.loadtest.measure.Window;
import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fan-out: N streams on one target, the publish rate rising step by step until p99 passes the bound, a message is
 * lost, the target stops keeping up with the publisher, or the plan's steps run out.
 */
final class FanOutLadder {

    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Plan plan;
    private final ResourceMonitor resources;

    FanOutLadder(Plan plan, ResourceMonitor resources) {
        this.plan = plan;
        this.resources = resources;
    }

    Report.FanOut run(Target target, Fleet fleet, int streams) {
        List<Step> steps = new ArrayList<>();
        Step best = null;
        String stopped = "the plan's " + plan.maxSteps() + " steps ran out";
        double rate = Math.max(1, plan.startDeliveriesPerSecond() / streams);
        warmUp(target, rate);
        for (int i = 0; i < plan.maxSteps(); i++) {
            Step step = step(target, fleet, streams, rate, plan.warmup(), plan.measure(), null);
            steps.add(step);
            Log.info(
                    "%s %d streams: %.0f msg/s -> %.0f deliveries/s, p99 %.1f ms, lost %d, skipped %d",
                    target.name(),
                    streams,
                    rate,
                    step.deliveriesPerSecond(),
                    step.p99Ms(),
                    step.lost(),
                    step.skipped());
            if (step.sustained(plan.p99BoundMs())) {
                if (best == null || step.deliveriesPerSecond() > best.deliveriesPerSecond()) {
                    best = step;
                }
            } else {
                stopped = describe(step);
                break;
            }
            rate *= plan.rateFactor();
        }
        return new Report.FanOut(target.name(), streams, fleet.live(), steps, best, stopped);
    }

    /** Unmeasured load: a freshly started JVM compiles its hot paths during the first seconds of it. */
    void warmUp(Target target, double rate) {
        new Publisher(target::publish, 512).run(rate, plan.warmup().multipliedBy(2));
    }

    private String describe(Step step) {
        if (step.expected() == 0) {
            return "the target accepted no message";
        }
        if (step.lost() > 0) {
            return step.lost() + " deliveries lost";
        }
        if (step.skipped() > 0) {
            return "the target answered publishes too slowly (" + step.skipped() + " skipped)";
        }
        return String.format(java.util.Locale.ROOT, "p99 %.1f ms passed %.0f ms", step.p99Ms(), plan.p99BoundMs());
    }

    /**
     * One step: publish at {@code rate} for warm-up plus measure time, measure the second part, then wait (bounded)
     * until every stream has what it should. {@code healthy} limits which streams count for loss ({@code null}: all).
     */
    Step step(
            Target target,
            Fleet fleet,
            int streams,
            double rate,
            Duration warmup,
            Duration measure,
            java.util.function.IntPredicate healthy) {
        long[] before = fleet.deliveredPerStream();
        var publisher = new Publisher(target::publish, 512);
        Window[] measured = new Window[1];
        ResourceMonitor.Mark[] startSample = new ResourceMonitor.Mark[1];
        ResourceMonitor.Usage[] usage = new ResourceMonitor.Usage[1];
        Thread clock = Thread.ofPlatform().daemon().name("window-clock").start(() -> {
            LockSupport.parkNanos(warmup.toNanos());
            startSample[0] = resources.begin();
            measured[0] = fleet.startWindow();
            LockSupport.parkNanos(measure.toNanos());
            measured[0].close();
            usage[0] = resources.end(startSample[0]);
            fleet.startWindow();
        });
        Publisher.Outcome outcome = publisher.run(rate, warmup.plus(measure));
        try {
            clock.join(TimeUnit.SECONDS.toMillis(30) + warmup.plus(measure).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = awaitDeliveries(fleet, before, outcome.expectedPerStream(), healthy);
        Window w = measured[0];
        LatencyHistogram h = w.latency();
        ResourceMonitor.Usage u = usage[0];
        return new Step(
                target.name(),
                streams,
                rate,
                outcome.acceptedPerSecond(),
                w.deliveriesPerSecond(),
                ms(h.percentileMicros(0.50)),
                ms(h.percentileMicros(0.95)),
                ms(h.percentileMicros(0.99)),
                ms(h.maxMicros()),
                outcome.expectedPerStream() * countOf(streams, healthy),
                lost,
                outcome.skipped(),
                u.cpuCores(),
                u.peakRssBytes(),
                u.peakHeapBytes(),
                u.toolCpuCores());
    }

    private static int countOf(int streams, java.util.function.IntPredicate healthy) {
        int n = 0;
        for (int i = 0; i < streams; i++) {
            if (healthy == null || healthy.test(i)) {
                n++;
            }
        }
        return n;
    }

    /** Waits until every counted stream got what was published, at most {@link #DRAIN}; answers what is missing. */
    static long awaitDeliveries(
            Fleet fleet, long[] before, long expectedPerStream, java.util.function.IntPredicate healthy) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        long missing;
        do {
            missing = 0;
            long[] now = fleet.deliveredPerStream();
            for (int i = 0; i < before.length; i++) {
                if (healthy == null || healthy.test(i)) {
                    missing += Math.max(0, expectedPerStream - (now[i] - before[i]));
                }
            }
            if (missing == 0) {
                return 0;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        return missing;
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }
}
