package app.roomwatch.loadtest.report;

import java.util.List;
import java.util.Locale;

/** Renders a {@link Report} as the Markdown page docs/benchmarks/ keeps next to its JSON. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(Report r) {
        StringBuilder md = new StringBuilder();
        md.append("# Roomwatch benchmark: ").append(r.name()).append("\n\n");
        md.append(f(
                "Started %s, took %.1f minutes. Latency is from `emittedAt` to receipt; a step counts as"
                        + " sustained when p99 <= %.0f ms, nothing is lost and the target answers every publish in time.%n%n",
                r.startedAt(), r.minutes(), r.p99BoundMs()));
        Report.Machine m = r.machine();
        md.append("| machine | |\n|---|---|\n");
        md.append(f("| CPU | %s, %d cores |%n", m.cpu(), m.cores()));
        md.append(f("| memory | %.1f GiB |%n", m.memoryBytes() / (1024.0 * 1024 * 1024)));
        md.append(f("| kernel | %s |%n", m.kernel()));
        md.append(f("| JDK | %s |%n", m.jdk()));
        if (r.peerVersions() != null && !r.peerVersions().isBlank()) {
            md.append(f("| peers | %s |%n", r.peerVersions()));
        }
        md.append('\n');
        List<Targets.Check> checks = Targets.of(r);
        if (!checks.isEmpty()) {
            md.append("## Against SPEC section 8\n\n| target | measured | met |\n|---|---|---|\n");
            for (Targets.Check c : checks) {
                md.append(f("| %s | %s | %s |%n", c.target(), c.measured(), c.met()));
            }
            md.append('\n');
        }
        if (!r.comparisons().isEmpty()) {
            md.append("## Roomwatch against the peers (best sustained deliveries/s at the same streams)\n\n");
            md.append("| streams | peer | Roomwatch /s | peer /s | ratio | reading | p99 at equal load |\n");
            md.append("|---:|---|---:|---:|---:|---|---|\n");
            for (Report.Comparison c : r.comparisons()) {
                Report.EqualLoad e = c.equalLoad();
                md.append(f(
                        "| %d | %s | %.0f | %.0f | %s | %s | %s |%n",
                        c.streams(),
                        c.peer(),
                        c.roomwatchPerSecond(),
                        c.peerPerSecond(),
                        c.peerPerSecond() == 0 || c.roomwatchPerSecond() == 0 ? "–" : f("%.2f", c.ratio()),
                        c.reading(),
                        e == null
                                ? "–"
                                : f(
                                        "%.0f msg/s: Roomwatch %.1f ms (lost %d), %s %.1f ms (lost %d)",
                                        e.publishRate(),
                                        e.roomwatchP99Ms(),
                                        e.roomwatchLost(),
                                        c.peer(),
                                        e.peerP99Ms(),
                                        e.peerLost())));
            }
            md.append('\n');
            md.append("Where no target held a step under the p99 bound there is no ratio; the last column compares the"
                    + " two at the highest publish rate both ran, and the lower p99 is the better.\n\n");
        }
        if (!r.fanOut().isEmpty()) {
            md.append("## Fan-out\n\n");
            for (Report.FanOut fo : r.fanOut()) {
                md.append(f("### %s, %d streams (%d live)%n%n", fo.target(), fo.streams(), fo.live()));
                placement(md, r, "fan-out", fo.target());
                steps(md, fo.steps());
                md.append(
                        fo.best() == null
                                ? "No step was sustained"
                                : f(
                                        "Best sustained: %.0f deliveries/s",
                                        fo.best().deliveriesPerSecond()));
                md.append("; the ladder stopped because ")
                        .append(fo.stoppedBecause())
                        .append(".\n\n");
            }
        }
        if (r.scanToScreen() != null) {
            Report.ScanToScreen s = r.scanToScreen();
            md.append("## Scan to screen\n\n");
            placement(md, r, "scan to screen", "roomwatch");
            md.append(f(
                    "%.0f scans/s with %d other streams open; %d scans, %d matched to their event on the"
                            + " supervisor's stream.%n%n",
                    s.scansPerSecond(), s.backgroundStreams(), s.scans(), s.matched()));
            md.append("| from | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|\n");
            md.append(f(
                    "| sending the scan (its request included) | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs()));
            md.append(f(
                    "| its 2xx answer: the scan accepted | %.1f ms | | %.1f ms | |%n%n",
                    s.acceptedP50Ms(), s.acceptedP99Ms()));
            md.append(f("The scan requests themselves: p99 %.1f ms.%n%n", s.scanAnswerP99Ms()));
            if (s.fanOutDuringIt() != null) {
                md.append("The fan-out of the same scans to the other streams:\n\n");
                steps(md, List.of(s.fanOutDuringIt()));
            }
        }
        if (r.stalled() != null) {
            Report.Stalled s = r.stalled();
            md.append("## Stalled clients\n\n");
            placement(md, r, "stalled clients", "roomwatch");
            md.append(f(
                    "%d of %d streams stop reading for %.0f s while the load goes on; healthy streams' p99 changes by"
                            + " %+.1f %%; the server ended %d of the %d stalled connections.%n%n",
                    s.stalledStreams(),
                    s.streams(),
                    s.windowSeconds(),
                    s.p99IncreasePercent(),
                    s.stalledEndedByServer(),
                    s.stalledStreams()));
            List<Double> ended = s.endedAfterSeconds() == null ? List.of() : s.endedAfterSeconds();
            if (!ended.isEmpty()) {
                md.append(f(
                        "Seen closed after they stopped reading (a stalled client's socket buffers fill first, at"
                                + " the step's rate, then the server's write timeout runs): first %.1f s, median %.1f s,"
                                + " last %.1f s (%d seen during the window).%n%n",
                        ended.getFirst(), ended.get(ended.size() / 2), ended.getLast(), ended.size()));
            }
            steps(md, List.of(s.baseline(), s.withStalled()));
        }
        if (r.storm() != null) {
            Report.Storm s = r.storm();
            md.append("## Reconnect storm\n\n");
            placement(md, r, "reconnect storm", "roomwatch");
            md.append(f(
                    "%d of %d streams resumed with Last-Event-ID within %.1f s; expected %d deliveries, lost %d,"
                            + " duplicates dropped %d, refused attempts %d.%n%n",
                    s.resumed(),
                    s.streams(),
                    s.secondsToResumeAll(),
                    s.expected(),
                    s.lost(),
                    s.duplicates(),
                    s.refused()));
        }
        if (r.ingest() != null) {
            md.append("## Ingest (durable scans/s)\n\n");
            placement(md, r, "ingest", "roomwatch");
            md.append("| scanners | rooms | scans/s | failed | p50 | p99 | server CPU cores | CPU per scan |\n"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Report.IngestStep s : r.ingest().steps()) {
                md.append(f(
                        "| %d | %d | %.0f | %d | %.1f ms | %.1f ms | %.2f | %.2f ms |%n",
                        s.scanners(),
                        s.rooms(),
                        s.scansPerSecond(),
                        s.failed(),
                        s.p50Ms(),
                        s.p99Ms(),
                        s.cpuCores(),
                        s.cpuMsPerScan()));
            }
            md.append('\n');
        }
        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            for (String note : r.notes()) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    private static void placement(StringBuilder md, Report r, String section, String target) {
        Report.Placement p = r.placement(section, target);
        if (p != null) {
            md.append(p.describe()).append("\n\n");
        }
    }

    private static void steps(StringBuilder md, List<Step> steps) {
        md.append("| msg/s | accepted/s | deliveries/s | p50 | p95 | p99 | max | lost | skipped | CPU cores | RSS MiB"
                + " | heap MiB | tool CPU |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Step s : steps) {
            md.append(f(
                    "| %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.2f | %.0f | %s | %.2f |%n",
                    s.publishRate(),
                    s.acceptedRate(),
                    s.deliveriesPerSecond(),
                    s.p50Ms(),
                    s.p95Ms(),
                    s.p99Ms(),
                    s.maxMs(),
                    s.lost(),
                    s.skipped(),
                    s.cpuCores(),
                    s.peakRssBytes() / 1048576.0,
                    s.peakHeapBytes() < 0 ? "–" : f("%.0f", s.peakHeapBytes() / 1048576.0),
                    s.toolCpuCores()));
        }
        md.append('\n');
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
