package app.roomwatch.loadtest;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard a run goes. Every ladder and loop is bounded by these counts and times, so a run ends even
 * when a target never reaches the latency bound.
 *
 * @param streamCounts subscriber counts for the fan-out ladders
 * @param startDeliveriesPerSecond the first step's rate, in deliveries a second across all streams
 * @param rateFactor each step publishes this many times faster than the one before
 * @param maxSteps steps per ladder at most
 * @param warmup time each step runs before it is measured
 * @param measure time each step is measured
 * @param scanRate scans a second for scan-to-screen
 * @param scanDuration how long scan-to-screen runs
 * @param scanStreams other streams open during scan-to-screen (each scan reaches every one of them)
 * @param specialStreams streams for the reconnect storm
 * @param specialDeliveriesPerSecond its load, in deliveries a second across all streams
 * @param stalledStreams streams for the stalled-clients scenario, 1 in 100 of them frozen
 * @param stalledDeliveriesPerSecond its load, in deliveries a second across all streams: the stall window is sized
 *     for it, since a frozen client's buffers must fill at this rate before the server's write timeout runs
 * @param stallWindow how long the frozen clients stay frozen, measured, while the load goes on: long enough for
 *     their socket buffers to fill at the step's rate and for Roomwatch's write timeout (the ping interval, 30 s)
 *     to pass
 * @param ingestScanners closed-loop scanner counts for the ingest ladder
 * @param p99BoundMs a step is sustained only with a p99 at most this (SPEC 8: {@value #P99_BOUND_MS} ms)
 */
record Plan(
        String name,
        List<Integer> streamCounts,
        double startDeliveriesPerSecond,
        double rateFactor,
        int maxSteps,
        Duration warmup,
        Duration measure,
        double scanRate,
        Duration scanDuration,
        int scanStreams,
        int specialStreams,
        double specialDeliveriesPerSecond,
        int stalledStreams,
        double stalledDeliveriesPerSecond,
        Duration stallWindow,
        List<Integer> ingestScanners,
        Duration ingestStep,
        double p99BoundMs) {

    static final double P99_BOUND_MS = 100;

    /** Proves the tool and the peers work: at most 200 streams, seconds per step. */
    static Plan smoke() {
        return new Plan(
                "smoke",
                List.of(100),
                1_000,
                2.0,
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                20,
                Duration.ofSeconds(5),
                20,
                100,
                1_000,
                100,
                1_000,
                Duration.ofSeconds(5),
                List.of(4),
                Duration.ofSeconds(3),
                P99_BOUND_MS);
    }

    /**
     * Under five minutes on two cores: 1,000 streams. The ladder starts at 10,000 deliveries a second (10 messages a
     * second), a step every target held on its one pinned core once the tool read cheaply, then 20,000, 40,000, 80,000.
     */
    static Plan quick() {
        return new Plan(
                "quick",
                List.of(1_000),
                10_000,
                2.0,
                4,
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                200,
                Duration.ofSeconds(10),
                100,
                1_000,
                20_000,
                1_000,
                20_000,
                Duration.ofSeconds(75),
                List.of(8, 32),
                Duration.ofSeconds(5),
                P99_BOUND_MS);
    }

    /** The SPEC section 8 targets: 1,000, 5,000 and 10,000 streams. */
    static Plan full() {
        return new Plan(
                "full",
                List.of(1_000, 5_000, 10_000),
                10_000,
                1.5,
                10,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                200,
                Duration.ofSeconds(30),
                100,
                10_000,
                10_000,
                1_000,
                20_000,
                Duration.ofSeconds(75),
                List.of(8, 32, 64, 128),
                Duration.ofSeconds(15),
                P99_BOUND_MS);
    }

    static Plan named(String name) {
        return switch (name) {
            case "smoke" -> smoke();
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("unknown plan '" + name + "': smoke, quick or full");
        };
    }
}
