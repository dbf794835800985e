package app.roomwatch.loadtest.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Which CPUs a process may run on, and moving a server with every process and thread it has to other CPUs: the
 * peers comparison gives each server the same core, the scenarios that judge Roomwatch alone give it more (see
 * "Pinning" in docs/benchmarks/README.md). Reads {@code /proc/<pid>/status} and runs {@code taskset}.
 */
public final class Affinity {

    private final ProcessStats stats;
    private final Path proc;

    public Affinity(ProcessStats stats, Path proc) {
        this.stats = stats;
        this.proc = proc;
    }

    public static Affinity system() {
        return new Affinity(ProcessStats.system(), Path.of("/proc"));
    }

    /** This tool's CPUs, e.g. {@code 0}. */
    public String tool() {
        return of(List.of(ProcessHandle.current().pid()));
    }

    /**
     * The CPUs of a process tree (the roots and everything they started): one list when they all share it, else
     * every distinct one joined with {@code " / "}; {@code "?"} when none could be read.
     */
    public String of(List<Long> roots) {
        Set<String> lists = new TreeSet<>();
        for (long pid : stats.tree(roots)) {
            String list = cpusAllowed(pid);
            if (list != null) {
                lists.add(list);
            }
        }
        return lists.isEmpty() ? "?" : String.join(" / ", lists);
    }

    private String cpusAllowed(long pid) {
        try {
            return cpusAllowedList(Files.readString(proc.resolve(pid + "/status")));
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code Cpus_allowed_list} of a {@code /proc/<pid>/status}, or {@code null}. */
    static String cpusAllowedList(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring("Cpus_allowed_list:".length()).strip();
            }
        }
        return null;
    }

    /**
     * Moves every process of the tree, with all its threads, to {@code cpus} ({@code taskset -a -p -c}). Processes
     * forked later (PostgreSQL's backends) inherit it from their parent. Answers what the tree has afterwards.
     */
    public String pin(List<Long> roots, String cpus) throws IOException, InterruptedException {
        for (long pid : stats.tree(roots)) {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!taskset.waitFor(10, TimeUnit.SECONDS)) {
                taskset.destroyForcibly();
            }
            // A process that ended meanwhile fails here and needs no CPU.
        }
        return of(roots);
    }

    /** The machine's processors from {@code /proc/cpuinfo}, whatever this process may use; or the JVM's count. */
    public static int machineCores(String cpuinfo) {
        int n = 0;
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("processor") && line.contains(":")) {
                n++;
            }
        }
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }
}
