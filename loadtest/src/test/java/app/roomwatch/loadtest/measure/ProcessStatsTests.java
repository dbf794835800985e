package app.roomwatch.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessStatsTests {

    @Test
    void readsCpuTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (web (worker) 1) S 4200 4242 4242 0 -1 4194560 500 0 0 0 250 50 70 30 20 0 3 0 100 0";

        assertThat(ProcessStats.cpuSeconds(stat))
                .as("its own and its ended children's")
                .isEqualTo(4.0);
        assertThat(ProcessStats.parentOf(stat)).isEqualTo(4200);
    }

    @Test
    void readsResidentMemoryInBytes() {
        assertThat(ProcessStats.rssBytes("Name:\tjava\nVmRSS:\t  2048 kB\nThreads:\t9\n"))
                .isEqualTo(2048 * 1024);
        assertThat(ProcessStats.rssBytes("Name:\tkthreadd\n")).isZero();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "reads /proc, as the benchmark does; it runs on Linux only")
    void countsTheProcessesAServerStarted() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            long self = ProcessHandle.current().pid();

            ProcessStats.Sample sample = ProcessStats.system().sample(List.of(self));

            assertThat(sample.processes()).isGreaterThanOrEqualTo(2);
            assertThat(sample.rssBytes()).isPositive();
            assertThat(sample.cpuSeconds()).isPositive();
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "reads /proc, as the benchmark does; it runs on Linux only")
    void aChildThatEndedLeavesItsCpuWithItsParent() throws Exception {
        // The child burns CPU and ends; its parent then becomes a sleep that has no CPU of its own to speak of.
        Process parent = new ProcessBuilder(
                        "sh", "-c", "(i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done); exec sleep 30")
                .start();
        try {
            Path comm = Path.of("/proc/" + parent.pid() + "/comm");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(comm).trim().equals("sleep") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            ProcessStats.Sample sample = ProcessStats.system().sample(List.of(parent.pid()));

            assertThat(sample.processes()).isEqualTo(1);
            assertThat(sample.cpuSeconds()).isGreaterThan(0.05);
        } finally {
            parent.destroy();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
