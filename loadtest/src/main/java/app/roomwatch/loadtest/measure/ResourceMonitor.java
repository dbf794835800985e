package app.roomwatch.loadtest.measure;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Watches the server under test once a second: CPU over a measured step (in cores), and the highest resident
 * memory and heap seen during it. The heap probe is the server's own metric where it has one (Roomwatch), else
 * absent (-1).
 */
public final class ResourceMonitor implements AutoCloseable {

    /** What the server used during one step. */
    /**
     * What the server used during one step, and the load tool beside it (on a small machine they share the cores,
     * so a tool that needs much of them flatters no one).
     */
    public record Usage(double cpuCores, long peakRssBytes, long peakHeapBytes, int processes, double toolCpuCores) {}

    private static final List<Long> TOOL = List.of(ProcessHandle.current().pid());

    private final ProcessStats stats;
    private final List<Long> pids;
    private final LongSupplier heapBytes;
    private final ScheduledExecutorService ticker;
    private final AtomicLong peakRss = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong(-1);
    private volatile int processes;

    public ResourceMonitor(ProcessStats stats, List<Long> pids, LongSupplier heapBytes) {
        this.stats = stats;
        this.pids = List.copyOf(pids);
        this.heapBytes = heapBytes;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("resource-monitor")
                .priority(Thread.MAX_PRIORITY)
                .factory());
        ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** Where a step started: the server's and the tool's CPU counters. */
    public record Mark(ProcessStats.Sample server, ProcessStats.Sample tool) {}

    /** Starts a step: forgets the peaks and remembers where the CPU counters stood. */
    public Mark begin() {
        peakRss.set(0);
        peakHeap.set(-1);
        tick();
        return new Mark(stats.sample(pids), stats.sample(TOOL));
    }

    public Usage end(Mark start) {
        tick();
        ProcessStats.Sample end = stats.sample(pids);
        ProcessStats.Sample toolEnd = stats.sample(TOOL);
        return new Usage(
                cores(start.server(), end), peakRss.get(), peakHeap.get(), processes, cores(start.tool(), toolEnd));
    }

    private static double cores(ProcessStats.Sample from, ProcessStats.Sample to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        return wall <= 0 ? 0 : (to.cpuSeconds() - from.cpuSeconds()) / wall;
    }

    private void tick() {
        if (pids.isEmpty()) {
            return;
        }
        ProcessStats.Sample now = stats.sample(pids);
        processes = now.processes();
        peakRss.accumulateAndGet(now.rssBytes(), Math::max);
        try {
            peakHeap.accumulateAndGet(heapBytes.getAsLong(), Math::max);
        } catch (RuntimeException e) {
            // the metric endpoint was busy or gone for a moment; the next tick tries again
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
