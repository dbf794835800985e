package app.roomwatch.loadtest;

import app.roomwatch.loadtest.measure.LatencyHistogram;
import app.roomwatch.loadtest.measure.ResourceMonitor;
import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.target.RoomwatchTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest: closed-loop scanners, each sending its next scan when the last one was answered, each on its own
 * children so they never wait on each other's rows. A 2xx answer means the scan and its events are committed.
 * Scanners stand at the doors of up to {@link #MAX_ROOMS} rooms, as in a school with many rooms: scans into one
 * room take turns on its activity (the occupancy they publish is counted under its lock), scans into different
 * rooms do not. One unmeasured step at the most scanners warms the server up first; the last step puts every
 * scanner at one door, for one room's ceiling.
 */
final class Ingest {

    static final int MAX_ROOMS = 16;

    private final RoomwatchTarget target;
    private final ResourceMonitor resources;

    Ingest(RoomwatchTarget target, ResourceMonitor resources) {
        this.target = target;
        this.resources = resources;
    }

    Report.Ingest run(List<Integer> scannerCounts, Duration each) throws InterruptedException {
        List<Report.IngestStep> steps = new ArrayList<>();
        Report.IngestStep best = null;
        // Unmeasured: the server compiles its scan path during the first seconds, which is not what it sustains.
        int most = scannerCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        target.openDoors(Math.min(most, MAX_ROOMS));
        Report.IngestStep warmup = step(Math.min(most, target.students()), Math.min(most, MAX_ROOMS), each);
        Log.info("ingest warm-up: %.0f scans/s, not reported", warmup.scansPerSecond());
        List<int[]> ladder = new ArrayList<>();
        for (int scanners : scannerCounts) {
            ladder.add(new int[] {scanners, Math.min(scanners, MAX_ROOMS)});
        }
        // And one room's ceiling: all of them at one door, taking turns on its activity.
        ladder.add(new int[] {most, 1});
        for (int[] rung : ladder) {
            int scanners = rung[0];
            int rooms = rung[1];
            Report.IngestStep step = step(Math.min(scanners, target.students()), rooms, each);
            steps.add(step);
            Log.info(
                    "ingest %d scanners in %d rooms: %.0f scans/s, p99 %.1f ms, failed %d, server %.2f cores, %.2f ms CPU"
                            + " per scan",
                    step.scanners(),
                    rooms,
                    step.scansPerSecond(),
                    step.p99Ms(),
                    step.failed(),
                    step.cpuCores(),
                    step.cpuMsPerScan());
            if (best == null || step.scansPerSecond() > best.scansPerSecond()) {
                best = step;
            }
        }
        return new Report.Ingest(steps, best);
    }

    private Report.IngestStep step(int scanners, int rooms, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        LatencyHistogram latency = new LatencyHistogram();
        ResourceMonitor.Mark cpuFrom = resources.begin();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int s = 0; s < scanners; s++) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            loops.add(loop);
            next(s, s % rooms, scanners, 0, end, ok, failed, latency, loop);
        }
        for (CompletableFuture<Void> loop : loops) {
            try {
                loop.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed.incrementAndGet();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ResourceMonitor.Usage usage = resources.end(cpuFrom);
        double perSecond = ok.get() / seconds;
        return new Report.IngestStep(
                scanners,
                rooms,
                perSecond,
                failed.get(),
                FanOutLadder.ms(latency.percentileMicros(0.50)),
                FanOutLadder.ms(latency.percentileMicros(0.99)),
                usage.cpuCores(),
                perSecond == 0 ? 0 : usage.cpuCores() / perSecond * 1000);
    }

    /** One scanner's loop, as a chain of callbacks: bounded by the end time. */
    private void next(
            int scanner,
            int door,
            int scanners,
            int round,
            long end,
            AtomicLong ok,
            AtomicLong failed,
            LatencyHistogram latency,
            CompletableFuture<Void> loop) {
        if (System.nanoTime() >= end) {
            loop.complete(null);
            return;
        }
        int student = scanner + scanners * (round % Math.max(1, target.students() / scanners));
        target.scan(student, door).whenComplete((scan, error) -> {
            if (error == null && scan.result() != null) {
                ok.incrementAndGet();
                latency.record(scan.answeredMicros() - scan.sentMicros());
            } else {
                failed.incrementAndGet();
            }
            next(scanner, door, scanners, round + 1, end, ok, failed, latency, loop);
        });
    }
}
