package app.roomwatch.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestTests {

    private static Report.FanOut fanOut(String target, int streams, Double best, String stopped) {
        Step step = best == null
                ? null
                : new Step(target, streams, best / streams, best / streams, best, 1, 1, 1, 1, 1, 0, 0, 0, 0, -1, 0);
        return new Report.FanOut(target, streams, streams, step == null ? List.of() : List.of(step), step, stopped);
    }

    @Test
    void comparesRoomwatchWithEachPeerAtTheSameStreamCountAndSaysWhenALadderFoundNoLimit() {
        String limit = "p99 120.0 ms passed 100 ms";
        List<Report.Comparison> comparisons = LoadTest.compare(List.of(
                fanOut("roomwatch", 1000, 60_000.0, limit),
                fanOut("nchan", 1000, 40_000.0, limit),
                fanOut("pushpin", 1000, 30_000.0, "the plan's 4 steps ran out"),
                fanOut("nchan", 5000, 10_000.0, limit)));

        assertThat(comparisons)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("equalLoad")
                .containsExactly(
                        new Report.Comparison(1000, "nchan", 60_000, 40_000, 1.5, "both limits found"),
                        new Report.Comparison(
                                1000,
                                "pushpin",
                                60_000,
                                30_000,
                                2.0,
                                "the peer ran out of steps: the ratio is at most this"));
    }

    @Test
    void twoTargetsThatHeldTheSameStepAreEvenWhateverTheirWindowsCaught() {
        String limit = "p99 120.0 ms passed 100 ms";
        Step mine = new Step("roomwatch", 5000, 15.2, 15.2, 75_995, 1, 1, 81, 90, 1, 0, 0, 0, 0, -1, 0);
        Step theirs = new Step("nchan", 5000, 15.2, 15.2, 75_999, 1, 1, 76, 80, 1, 0, 0, 0, 0, -1, 0);

        Report.Comparison c = LoadTest.compare(List.of(
                        new Report.FanOut("roomwatch", 5000, 5000, List.of(mine), mine, limit),
                        new Report.FanOut("nchan", 5000, 5000, List.of(theirs), theirs, limit)))
                .getFirst();

        assertThat(c.ratio()).isEqualTo(1.0);
        assertThat(c.roomwatchPerSecond()).isEqualTo(75_995);
        assertThat(c.peerPerSecond()).isEqualTo(75_999);
    }

    @Test
    void aPeerThatSustainedNoStepGivesNoRatioAndSaysWhoHeldOne() {
        String limit = "p99 120.0 ms passed 100 ms";
        List<Report.Comparison> comparisons = LoadTest.compare(List.of(
                fanOut("roomwatch", 5000, 9_941.0, limit),
                fanOut("nchan", 5000, null, limit),
                fanOut("roomwatch", 10000, null, limit),
                fanOut("nchan", 10000, null, limit),
                fanOut("pushpin", 10000, 10_000.0, limit)));

        assertThat(comparisons)
                .containsExactly(
                        new Report.Comparison(5000, "nchan", 9_941, 0, 0, "the peer sustained no step, Roomwatch did"),
                        new Report.Comparison(10000, "nchan", 0, 0, 0, "neither sustained a step"),
                        new Report.Comparison(
                                10000, "pushpin", 0, 10_000, 0, "Roomwatch sustained no step, the peer did"));
    }

    @Test
    void comparesP99AtTheHighestPublishRateBothLaddersRan() {
        Step rw1 = new Step("roomwatch", 10000, 1, 1, 10_000, 50, 90, 140, 200, 1, 0, 0, 0, 0, -1, 0);
        Step rw2 = new Step("roomwatch", 10000, 1.5, 1.5, 15_000, 80, 150, 260, 300, 1, 0, 0, 0, 0, -1, 0);
        Step nchan1 = new Step("nchan", 10000, 1, 1, 10_000, 60, 120, 180, 250, 1, 0, 0, 0, 0, -1, 0);
        String limit = "p99 140.0 ms passed 100 ms";

        Report.Comparison c = LoadTest.compare(List.of(
                        new Report.FanOut("roomwatch", 10000, 10000, List.of(rw1, rw2), null, limit),
                        new Report.FanOut("nchan", 10000, 10000, List.of(nchan1), null, limit)))
                .getFirst();

        assertThat(c.reading()).isEqualTo("neither sustained a step");
        assertThat(c.equalLoad()).isEqualTo(new Report.EqualLoad(1, 10_000, 140, 0, 10_000, 180, 0));
        assertThat(c.equalLoad().roomwatchBetter()).isTrue();
    }

    @Test
    void optionsNameTargetsByAddressAndRefuseUnknownScenarios() {
        Options options = Options.parse("--plan=quick", "--nchan=http://127.0.0.1:1", "--scenarios=fanout,storm");

        assertThat(options.roomwatch()).isNull();
        assertThat(options.nchan()).hasToString("http://127.0.0.1:1");
        assertThat(options.streamCounts()).containsExactly(1000);
        assertThat(options.staffAccounts()).isEqualTo(20);
        assertThatThrownBy(() -> Options.parse("--scenarios=fanout,chaos")).hasMessageContaining("chaos");
        assertThatThrownBy(() -> Options.parse("quick")).hasMessageContaining("--name=value");
    }
}
