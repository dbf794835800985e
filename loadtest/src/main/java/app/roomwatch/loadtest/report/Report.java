package app.roomwatch.loadtest.report;

import java.util.List;

/**
 * Everything one run measured, written as JSON and Markdown. Sections a run did not include are {@code null} or
 * empty.
 */
public record Report(
        String name,
        String startedAt,
        double minutes,
        Machine machine,
        String peerVersions,
        double p99BoundMs,
        List<FanOut> fanOut,
        List<Comparison> comparisons,
        ScanToScreen scanToScreen,
        Stalled stalled,
        Storm storm,
        Ingest ingest,
        List<String> notes,
        List<Placement> placements) {

    /**
     * Where a section's processes ran: the CPUs the tool and the target (every process and thread of it) were allowed,
     * as {@code Cpus_allowed_list} says, read when the section began.
     *
     * @param section {@code fan-out}, {@code scan to screen}, {@code stalled clients}, {@code reconnect storm} or
     *     {@code ingest}
     */
    public record Placement(String section, String target, String toolCpus, String targetCpus) {

        /** One sentence for the report. */
        public String describe() {
            return "Pinning: the tool on CPU " + toolCpus + ", " + target + " (all its processes) on CPU " + targetCpus
                    + ".";
        }
    }

    /** Where {@code target} ran for {@code section}, or {@code null} when it was not recorded. */
    public Placement placement(String section, String target) {
        if (placements == null) {
            return null;
        }
        for (Placement p : placements) {
            if (p.section().equals(section) && p.target().equals(target)) {
                return p;
            }
        }
        return null;
    }

    /** The machine a run happened on; {@code cores} are the machine's, whatever the tool was pinned to. */
    public record Machine(String cpu, int cores, long memoryBytes, String kernel, String jdk) {}

    /** One target's rate ladder at one stream count, and the best step it sustained. */
    public record FanOut(String target, int streams, int live, List<Step> steps, Step best, String stoppedBecause) {}

    /**
     * Roomwatch's best sustained delivery rate against a peer's, at the same streams and p99 bound.
     *
     * @param reading how far the ratio can be trusted: a ladder that ran out of steps found no limit, so its best
     *     rate is only a lower bound
     */
    public record Comparison(
            int streams,
            String peer,
            double roomwatchPerSecond,
            double peerPerSecond,
            double ratio,
            String reading,
            EqualLoad equalLoad) {

        public Comparison(
                int streams,
                String peer,
                double roomwatchPerSecond,
                double peerPerSecond,
                double ratio,
                String reading) {
            this(streams, peer, roomwatchPerSecond, peerPerSecond, ratio, reading, null);
        }
    }

    /**
     * The two ladders at the highest publish rate both ran (their steps share rates: same start, same factor), whether
     * or not either sustained it: where no one holds the p99 bound this is the comparison that is left.
     */
    public record EqualLoad(
            double publishRate,
            double roomwatchDeliveriesPerSecond,
            double roomwatchP99Ms,
            long roomwatchLost,
            double peerDeliveriesPerSecond,
            double peerP99Ms,
            long peerLost) {

        /** Roomwatch's p99 is the lower and it lost no more than the peer. */
        public boolean roomwatchBetter() {
            return roomwatchP99Ms < peerP99Ms && roomwatchLost <= peerLost;
        }
    }

    /**
     * Scans at a fixed rate while the fan-out streams are open; latency from sending the scan to a supervisor's
     * stream receiving its check-in or check-out.
     */
    public record ScanToScreen(
            double scansPerSecond,
            int backgroundStreams,
            long scans,
            long matched,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            double scanAnswerP99Ms,
            double acceptedP50Ms,
            double acceptedP99Ms,
            Step fanOutDuringIt) {}

    /**
     * The same load with and without 1 % of the streams frozen; healthy streams measured. The frozen streams stay
     * frozen for {@code windowSeconds} while the load goes on; {@code endedAfterSeconds} holds, in order, how long
     * after it stopped reading each one that the server ended during that window was seen closed (one probe's
     * lag, a quarter second, included); {@code stalledEndedByServer} also counts those found closed only when they
     * were thawed at the end.
     */
    public record Stalled(
            int streams,
            int stalledStreams,
            Step baseline,
            Step withStalled,
            double p99IncreasePercent,
            long stalledEndedByServer,
            double windowSeconds,
            List<Double> endedAfterSeconds) {}

    /** Every stream reconnects at once with Last-Event-ID while messages keep coming. */
    public record Storm(
            int streams,
            int resumed,
            double secondsToResumeAll,
            long expected,
            long lost,
            long duplicates,
            long refused) {}

    /** Closed-loop scanners: the most durable scans a second (2xx answers, each written before it is answered). */
    public record Ingest(List<IngestStep> steps, IngestStep best) {}

    /**
     * One ingest step; {@code cpuCores} is the server's CPU (the JVM and its database together) over the step and
     * {@code cpuMsPerScan} that per answered scan: less noisy than the rate on a machine others use too.
     */
    public record IngestStep(
            int scanners,
            int rooms,
            double scansPerSecond,
            long failed,
            double p50Ms,
            double p99Ms,
            double cpuCores,
            double cpuMsPerScan) {}
}
