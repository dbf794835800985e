package app.roomwatch.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.loadtest.target.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MarkdownReportTests {

    private static Step step(String target, double rate, double p99) {
        return new Step(
                target, 1000, rate, rate, rate * 1000, 2, 5, p99, p99 + 1, 1000, 0, 0, 1.5, 300L << 20, -1, 0.7);
    }

    private static Report report() {
        var rw = new Report.FanOut(
                "roomwatch", 1000, 1000, List.of(step("roomwatch", 40, 20)), step("roomwatch", 40, 20), "p99 passed");
        var nchan = new Report.FanOut("nchan", 1000, 1000, List.of(step("nchan", 20, 10)), step("nchan", 20, 10), "x");
        return new Report(
                "quick-test",
                "2026-11-23T09:00:00Z",
                4.2,
                new Report.Machine("Test CPU", 2, 24L << 30, "6.1.0", "Temurin 25"),
                "nginx 1.22.1",
                100,
                List.of(rw, nchan),
                List.of(new Report.Comparison(1000, "nchan", 40_000, 20_000, 2.0, "both limits found")),
                null,
                null,
                new Report.Storm(1000, 1000, 3.5, 5000, 0, 0, 0),
                null,
                List.of("a note"),
                List.of(
                        new Report.Placement("fan-out", "nchan", "0", "1"),
                        new Report.Placement("reconnect storm", "roomwatch", "0", "0-1")));
    }

    @Test
    void namesTheMachineAndStatesTheRatioToEachPeer() {
        String md = MarkdownReport.render(report());

        assertThat(md).contains("| CPU | Test CPU, 2 cores |", "| kernel | 6.1.0 |", "| JDK | Temurin 25 |");
        assertThat(md).contains("| 1000 | nchan | 40000 | 20000 | 2.00 | both limits found |");
        assertThat(md).contains("### roomwatch, 1000 streams (1000 live)", "Best sustained: 40000 deliveries/s");
        assertThat(md).contains("1000 of 1000 streams resumed with Last-Event-ID within 3.5 s");
        assertThat(md).contains("- a note");
    }

    @Test
    void eachSectionSaysWhereItsTargetAndTheToolRan() {
        String md = MarkdownReport.render(report());

        assertThat(md)
                .contains("### nchan, 1000 streams (1000 live)\n\nPinning: the tool on CPU 0, nchan (all its processes)"
                        + " on CPU 1.")
                .contains(
                        "## Reconnect storm\n\nPinning: the tool on CPU 0, roomwatch (all its processes) on CPU 0-1.");
        assertThat(md).doesNotContain("roomwatch (all its processes) on CPU 1");
    }

    @Test
    void holdsTheRunAgainstTheSpecTargets() {
        String md = MarkdownReport.render(report());

        assertThat(md)
                .contains("| fan-out >= 50,000 deliveries/s, p99 <= 100 ms, no loss | 40000/s sustained at 1000 streams"
                        + " | **no** |")
                .contains(
                        "| at least 1.0 x nchan's delivery rate at equal p99 (1000 streams) | ratio 2.00 (both limits found)"
                                + " | yes |")
                .contains("| reconnect storm: all resume with Last-Event-ID within 30 s, nothing lost"
                        + " | 1000 of 1000 in 3.5 s, 0 lost | yes |");
    }

    @Test
    void theJsonReadsBackAsTheSameReport() {
        Report original = report();

        Report read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(original), Report.class);

        assertThat(read).isEqualTo(original);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "reads /proc, as the benchmark does; it runs on Linux only")
    void describesThisMachine() {
        Report.Machine machine = Machines.current();

        assertThat(machine.cores()).isPositive();
        assertThat(machine.memoryBytes()).isPositive();
        assertThat(machine.jdk()).contains("25");
    }
}
