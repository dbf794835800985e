package app.roomwatch.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class AffinityTests {

    @Test
    void countsTheMachinesProcessorsNotTheOnesThisProcessMayUse() {
        String cpuinfo = "processor\t: 0\nmodel name\t: Xeon\n\nprocessor\t: 1\nmodel name\t: Xeon\n";

        assertThat(Affinity.machineCores(cpuinfo)).isEqualTo(2);
    }

    @Test
    void readsTheCpusAProcessMayRunOn() {
        String status = "Name:\tjava\nCpus_allowed:\t1\nCpus_allowed_list:\t0-1\nMems_allowed:\t1\n";

        assertThat(Affinity.cpusAllowedList(status)).isEqualTo("0-1");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "reads /proc and runs taskset, as the benchmark does")
    void movesAProcessAndWhatItStartedAndSaysWhereTheyAre() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/taskset"))).isTrue();
        Affinity affinity = Affinity.system();
        String mine = affinity.tool();
        String first = mine.split("[-,]")[0];
        // A parent with a child of its own, as Roomwatch's JVM has its PostgreSQL.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            long pid = parent.pid();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> ProcessStats.system().tree(List.of(pid)).size() == 2);

            assertThat(affinity.pin(List.of(pid), first)).isEqualTo(first);
            assertThat(affinity.of(List.of(pid))).isEqualTo(first);
            assertThat(affinity.pin(List.of(pid), mine)).isEqualTo(mine);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }
}
