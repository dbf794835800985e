package app.roomwatch.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTests {

    private static Report withComparison(double ratio, String reading) {
        return withComparison("nchan", ratio, reading);
    }

    private static Report withComparison(String peer, double ratio, String reading) {
        return report(List.of(), List.of(new Report.Comparison(1000, peer, ratio * 10, 10, ratio, reading)));
    }

    private static Report withFanOut(Report.FanOut... ladders) {
        return report(List.of(ladders), List.of());
    }

    private static Report report(List<Report.FanOut> fanOut, List<Report.Comparison> comparisons) {
        return new Report(
                "t",
                "now",
                1,
                new Report.Machine("cpu", 2, 1, "k", "jdk"),
                "",
                100,
                fanOut,
                comparisons,
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    @Test
    void aRatioIsOnlyJudgedWhereTheLaddersBoundIt() {
        assertThat(Targets.of(withComparison(1.2, "both limits found"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.YES);
        assertThat(Targets.of(withComparison(0.8, "both limits found"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.NO);
        assertThat(Targets.of(withComparison(1.2, "Roomwatch ran out of steps: the ratio is at least this"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.YES);
        assertThat(Targets.of(withComparison(1.0, "both ran out of steps: neither limit was found"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.UNKNOWN);
        assertThat(Targets.of(withComparison(0.7, "the peer ran out of steps: the ratio is at most this"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.NO);
    }

    private static Report.FanOut roomwatch(int streams, double sustained) {
        Step best = sustained == 0
                ? null
                : new Step(
                        "roomwatch",
                        streams,
                        sustained / streams,
                        sustained / streams,
                        sustained,
                        10,
                        20,
                        30,
                        40,
                        1000,
                        0,
                        0,
                        0.5,
                        1L << 29,
                        1L << 29,
                        0.5);
        List<Step> steps = best == null ? List.of() : List.of(best);
        return new Report.FanOut("roomwatch", streams, streams, steps, best, "p99 passed 100 ms");
    }

    @Test
    void fanOutIsJudgedWhereRoomwatchSustainedMostAndNamesTheLargestCount() {
        Targets.Check check = Targets.of(withFanOut(roomwatch(1_000, 60_000), roomwatch(10_000, 0)))
                .getFirst();
        assertThat(check.met()).isEqualTo(Targets.YES);
        assertThat(check.measured()).isEqualTo("60000/s sustained at 1000 streams; 0/s at 10000 streams");

        Targets.Check belowTarget = Targets.of(withFanOut(roomwatch(1_000, 40_000), roomwatch(5_000, 45_000)))
                .getFirst();
        assertThat(belowTarget.met()).isEqualTo(Targets.NO);
        assertThat(belowTarget.measured()).isEqualTo("45000/s sustained at 5000 streams");
    }

    @Test
    void aPeerThatHeldNoStepGivesNoRatioButRoomwatchHoldingOneMeetsTheTarget() {
        Targets.Check ahead = Targets.of(report(
                        List.of(),
                        List.of(new Report.Comparison(
                                5000, "nchan", 9941, 0, 0, "the peer sustained no step, Roomwatch did"))))
                .getFirst();
        assertThat(ahead.met()).isEqualTo(Targets.YES);
        assertThat(ahead.measured()).isEqualTo("no ratio: the peer sustained no step, Roomwatch did");

        Targets.Check neither = Targets.of(report(
                        List.of(), List.of(new Report.Comparison(10000, "nchan", 0, 0, 0, "neither sustained a step"))))
                .getFirst();
        assertThat(neither.met()).isEqualTo(Targets.UNKNOWN);
    }

    @Test
    void whereNeitherHeldAStepTheLowerP99AtEqualLoadDecides() {
        var lower = new Report.EqualLoad(1, 10_000, 140, 0, 10_000, 180, 0);
        Targets.Check ahead = Targets.of(report(
                        List.of(),
                        List.of(new Report.Comparison(10000, "nchan", 0, 0, 0, "neither sustained a step", lower))))
                .getFirst();
        assertThat(ahead.met()).isEqualTo(Targets.YES);
        assertThat(ahead.measured())
                .isEqualTo("no ratio: neither sustained a step; at equal load (1 msg/s) p99 140.0 ms against 180.0 ms");

        var peerHeldOne = new Report.EqualLoad(1, 10_000, 109, 0, 9_964, 92, 0);
        Targets.Check peerAhead = Targets.of(report(
                        List.of(),
                        List.of(new Report.Comparison(
                                10000,
                                "nchan",
                                0,
                                9_964,
                                0,
                                "Roomwatch sustained no step, the peer did",
                                peerHeldOne))))
                .getFirst();
        assertThat(peerAhead.met()).isEqualTo(Targets.NO);
        assertThat(peerAhead.measured())
                .isEqualTo("no ratio: Roomwatch sustained no step, the peer did; at equal load (1 msg/s) p99 109.0 ms"
                        + " against 92.0 ms");

        var higher = new Report.EqualLoad(1, 10_000, 220, 0, 10_000, 150, 0);
        Targets.Check behind = Targets.of(report(
                        List.of(),
                        List.of(new Report.Comparison(10000, "nchan", 0, 0, 0, "neither sustained a step", higher))))
                .getFirst();
        assertThat(behind.met()).isEqualTo(Targets.NO);
    }

    @Test
    void pushpinMustBeBeatenByHalfAgain() {
        Targets.Check short_ =
                Targets.of(withComparison("pushpin", 1.4, "both limits found")).getFirst();
        assertThat(short_.target()).startsWith("at least 1.5 x pushpin's");
        assertThat(short_.met()).isEqualTo(Targets.NO);
        assertThat(Targets.of(withComparison("pushpin", 1.5, "both limits found"))
                        .getFirst()
                        .met())
                .isEqualTo(Targets.YES);
    }

    private static Step step(String target, double publishRate, double deliveries, double cpuCores) {
        return new Step(target, 1000, publishRate, publishRate, deliveries, 1, 2, 3, 4, 1, 0, 0, cpuCores, 1, -1, 0.1);
    }

    @Test
    void cpuPerDeliveryIsComparedWithNchansAtTheHighestRateBothRan() {
        // Roomwatch ran 10 and 20 msg/s, nchan 10, 20 and 40: judged at 20, where Roomwatch pays 15 us and nchan 10.
        var ours = new Report.FanOut(
                "roomwatch",
                1000,
                1000,
                List.of(step("roomwatch", 10, 10_000, 0.12), step("roomwatch", 20, 20_000, 0.30)),
                null,
                "p99");
        var theirs = new Report.FanOut(
                "nchan",
                1000,
                1000,
                List.of(step("nchan", 10, 10_000, 0.1), step("nchan", 20, 20_000, 0.2), step("nchan", 40, 40_000, 0.4)),
                null,
                "p99");
        Targets.Check check = Targets.of(withFanOut(ours, theirs)).stream()
                .filter(c -> c.target().startsWith("CPU per delivery"))
                .findFirst()
                .orElseThrow();
        assertThat(check.measured()).isEqualTo("15.0 us against 10.0 us (1.50 x) at 20 msg/s");
        assertThat(check.met()).isEqualTo(Targets.YES);

        var costlier =
                new Report.FanOut("roomwatch", 1000, 1000, List.of(step("roomwatch", 20, 20_000, 0.31)), null, "p99");
        assertThat(Targets.of(withFanOut(costlier, theirs)).stream()
                        .filter(c -> c.target().startsWith("CPU per delivery"))
                        .findFirst()
                        .orElseThrow()
                        .met())
                .isEqualTo(Targets.NO);
    }

    private static Report withIngest(Report.IngestStep... steps) {
        Report.IngestStep best = List.of(steps).stream()
                .max(java.util.Comparator.comparingDouble(Report.IngestStep::scansPerSecond))
                .orElseThrow();
        return new Report(
                "t",
                "now",
                1,
                new Report.Machine("cpu", 2, 1, "k", "jdk"),
                "",
                100,
                List.of(),
                List.of(),
                null,
                null,
                null,
                new Report.Ingest(List.of(steps), best),
                List.of(),
                List.of());
    }

    @Test
    void ingestIsJudgedAt128ScannersIn16RoomsWithItsP99() {
        var fastButSlowTail = new Report.IngestStep(128, 16, 2_100, 0, 40, 180, 1.5, 0.7);
        var oneDoor = new Report.IngestStep(128, 1, 2_500, 0, 30, 60, 1.5, 0.6);
        Targets.Check check = Targets.of(withIngest(fastButSlowTail, oneDoor)).getFirst();
        assertThat(check.measured()).isEqualTo("2100/s, p99 180.0 ms, 0 failed");
        assertThat(check.met()).isEqualTo(Targets.NO);

        var met = new Report.IngestStep(128, 16, 2_050, 0, 20, 90, 1.5, 0.7);
        assertThat(Targets.of(withIngest(met, oneDoor)).getFirst().met()).isEqualTo(Targets.YES);
    }
}
