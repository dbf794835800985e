package app.roomwatch.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTests {

    private static Report withComparison(double ratio, String reading) {
        return new Report(
                "t",
                "now",
                1,
                new Report.Machine("cpu", 2, 1, "k", "jdk"),
                "",
                100,
                List.of(),
                List.of(new Report.Comparison(1000, "pushpin", ratio * 10, 10, ratio, reading)),
                null,
                null,
                null,
                null,
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
}
