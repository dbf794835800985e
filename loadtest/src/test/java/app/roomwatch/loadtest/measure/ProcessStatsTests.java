package app.roomwatch.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessStatsTests {

    @Test
    void readsCpuTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (web (worker) 1) S 4200 4242 4242 0 -1 4194560 500 0 0 0 250 50 0 0 20 0 3 0 100 0";

        assertThat(ProcessStats.cpuSeconds(stat)).isEqualTo(3.0);
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
}
