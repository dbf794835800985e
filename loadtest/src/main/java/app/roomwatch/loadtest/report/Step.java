package app.roomwatch.loadtest.report;

/**
 * One measured step of a scenario on one target.
 *
 * @param publishRate messages a second the tool tried to publish
 * @param acceptedRate messages a second the target accepted
 * @param deliveriesPerSecond delivery frames a second all streams received together, in the measured window
 * @param expected deliveries the streams should have received over the step (accepted messages times streams)
 * @param lost of those, how many no stream received (summed per stream, after a bounded drain)
 * @param skipped messages the publisher skipped because the target had too many unanswered
 * @param cpuCores the target's CPU use in the window, in cores (all its processes)
 * @param peakRssBytes the target's highest resident memory in the window (all its processes)
 * @param peakHeapBytes the target's highest reported heap, or -1 when it reports none
 * @param toolCpuCores the load tool's own CPU use in the window, in cores
 */
public record Step(
        String target,
        int streams,
        double publishRate,
        double acceptedRate,
        double deliveriesPerSecond,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        long expected,
        long lost,
        long skipped,
        double cpuCores,
        long peakRssBytes,
        long peakHeapBytes,
        double toolCpuCores) {

    /** A step the target sustained: every message delivered, none skipped, p99 within the bound. */
    public boolean sustained(double p99BoundMs) {
        return lost == 0 && skipped == 0 && p99Ms <= p99BoundMs && expected > 0;
    }
}
