package app.roomwatch.loadtest.report;

import app.roomwatch.loadtest.measure.Affinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Describes the machine a run happens on, from {@code /proc} and the JVM: its cores are the machine's, not the ones
 * this tool is pinned to.
 */
public final class Machines {

    private Machines() {}

    public static Report.Machine current() {
        return new Report.Machine(
                cpuModel(read("/proc/cpuinfo")),
                Affinity.machineCores(read("/proc/cpuinfo")),
                memTotalBytes(read("/proc/meminfo")),
                read("/proc/sys/kernel/osrelease").strip(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    static long memTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.substring(9).strip().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }
}
