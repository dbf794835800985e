package app.roomwatch.loadtest.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a server and every process it started (nginx's workers, Pushpin's condure,
 * proxy and handler), read from {@code /proc} so that the peers are measured exactly like Roomwatch.
 */
public final class ProcessStats {

    /** Linux reports CPU times in clock ticks; 100 a second on every common kernel configuration. */
    static final double TICKS_PER_SECOND = 100.0;

    private final Path proc;

    public ProcessStats(Path proc) {
        this.proc = proc;
    }

    public static ProcessStats system() {
        return new ProcessStats(Path.of("/proc"));
    }

    /** One reading of a process tree. */
    public record Sample(long nanos, double cpuSeconds, long rssBytes, int processes) {}

    /** Reads the given processes and all their descendants; processes that are gone are left out. */
    public Sample sample(List<Long> roots) {
        Set<Long> tree = tree(roots);
        double cpu = 0;
        long rss = 0;
        int alive = 0;
        for (long pid : tree) {
            try {
                cpu += cpuSeconds(Files.readString(proc.resolve(pid + "/stat")));
                rss += rssBytes(Files.readString(proc.resolve(pid + "/status")));
                alive++;
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading: it no longer uses anything
            }
        }
        return new Sample(System.nanoTime(), cpu, rss, alive);
    }

    /**
     * utime + stime + cutime + cstime of a {@code /proc/<pid>/stat} line, in seconds: the process's own CPU and that of
     * its children that have ended. A child that ends during a step (a database backend that closes) moves its CPU
     * into its parent's, so a tree's total never falls; counting the live processes alone lost it (a negative step).
     */
    static double cpuSeconds(String stat) {
        // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state); utime, stime, cutime and cstime are fields 14 to 17.
        long ticks = Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        return ticks / TICKS_PER_SECOND;
    }

    /** VmRSS of a {@code /proc/<pid>/status}, in bytes (0 for kernel threads, which have none). */
    static long rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String kb = line.substring(6).trim().split("\\s+")[0];
                return Long.parseLong(kb) * 1024;
            }
        }
        return 0;
    }

    static long parentOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[1]);
    }

    /** The given processes and all their descendants (alive when listed). */
    public Set<Long> tree(List<Long> roots) {
        Set<Long> tree = new HashSet<>(roots);
        List<long[]> parentLinks = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        try {
                            long pid = Long.parseLong(name);
                            parentLinks.add(new long[] {pid, parentOf(Files.readString(proc.resolve(name + "/stat")))});
                        } catch (IOException | RuntimeException e) {
                            // gone meanwhile
                        }
                    });
        } catch (IOException e) {
            return tree;
        }
        boolean grew = true;
        // Bounded: each pass adds at least one process or ends, and there are finitely many.
        for (int pass = 0; grew && pass < parentLinks.size(); pass++) {
            grew = false;
            for (long[] link : parentLinks) {
                if (tree.contains(link[1]) && tree.add(link[0])) {
                    grew = true;
                }
            }
        }
        return tree;
    }
}
