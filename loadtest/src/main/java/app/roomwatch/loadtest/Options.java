package app.roomwatch.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --name=value} pairs. Targets are included by giving their address; scenarios by name.
 *
 * @param roomwatch the Roomwatch server, or {@code null} to leave it out
 * @param roomwatchManagement the Roomwatch server's management port (its metrics), {@code http://127.0.0.1:8081} unless
 *     given
 * @param nchan nginx + nchan, or {@code null}
 * @param pushpin Pushpin's HTTP port, or {@code null}
 * @param pushpinPublish Pushpin's HTTP publish endpoint
 * @param pushpinOriginPort where the tool serves the origin Pushpin proxies to
 * @param staffAccounts how many staff accounts the Roomwatch streams sign in as (spread evenly)
 * @param streams replaces the plan's stream counts when not empty
 * @param maxMinutes the run starts no new scenario after this
 * @param note written into the report's notes when not blank (bench/run states the servers' settings there)
 * @param readerThreads selector threads reading the fan-out streams (default: the tool's available processors)
 * @param serverCpus where every server under test runs while the peers are compared (fan-out), e.g. {@code 1}, or
 *     {@code null} to leave them where they are
 * @param roomwatchAloneCpus where Roomwatch runs (JVM and PostgreSQL) in the scenarios that judge it against its own
 *     targets only (scan to screen, stalled clients, reconnect storm, ingest), e.g. {@code 0-1}, or {@code null}
 */
record Options(
        Plan plan,
        URI roomwatch,
        URI roomwatchManagement,
        List<Long> roomwatchPids,
        String tenant,
        String adminUser,
        String adminPassword,
        int staffAccounts,
        int students,
        String publish,
        URI nchan,
        List<Long> nchanPids,
        URI pushpin,
        URI pushpinPublish,
        int pushpinOriginPort,
        List<Long> pushpinPids,
        Set<String> scenarios,
        List<Integer> streams,
        Path out,
        String name,
        String peerVersions,
        double maxMinutes,
        String note,
        int readerThreads,
        String serverCpus,
        String roomwatchAloneCpus) {

    static final Set<String> ALL_SCENARIOS = Set.of("fanout", "scan", "stalled", "storm", "ingest");

    static Options parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --name=value, not '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Plan plan = Plan.named(values.getOrDefault("plan", "smoke"));
        int defaultStaff = switch (plan.name()) {
            case "full" -> 200;
            case "quick" -> 20;
            default -> 10;
        };
        Set<String> scenarios = new LinkedHashSet<>(List.of(
                values.getOrDefault("scenarios", String.join(",", "fanout", "scan", "stalled", "storm", "ingest"))
                        .split(",")));
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("scenarios are " + ALL_SCENARIOS + ", not " + scenarios);
        }
        return new Options(
                plan,
                uri(values.get("roomwatch")),
                uri(values.getOrDefault("roomwatch-management", "http://127.0.0.1:8081")),
                pids(values.get("roomwatch-pid")),
                values.getOrDefault("tenant", "demo"),
                values.getOrDefault("admin", "admin"),
                values.getOrDefault("admin-password", "demo"),
                Integer.parseInt(values.getOrDefault("staff", Integer.toString(defaultStaff))),
                Integer.parseInt(values.getOrDefault("students", "400")),
                values.getOrDefault("publish", "scans"),
                uri(values.get("nchan")),
                pids(values.get("nchan-pid")),
                uri(values.get("pushpin")),
                uri(values.getOrDefault("pushpin-publish", "http://127.0.0.1:15561/publish/")),
                Integer.parseInt(values.getOrDefault("pushpin-origin-port", "18094")),
                pids(values.get("pushpin-pid")),
                scenarios,
                ints(values.get("streams")),
                Path.of(values.getOrDefault("out", "target/bench")),
                values.getOrDefault("name", plan.name()),
                values.getOrDefault("peer-versions", ""),
                Double.parseDouble(values.getOrDefault("max-minutes", "120")),
                values.getOrDefault("note", ""),
                Integer.parseInt(values.getOrDefault(
                        "reader-threads", Integer.toString(app.roomwatch.loadtest.sse.SseClient.defaultThreads()))),
                blankToNull(values.get("server-cpus")),
                blankToNull(values.get("roomwatch-alone-cpus")));
    }

    List<Integer> streamCounts() {
        return streams.isEmpty() ? plan.streamCounts() : streams;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value);
    }

    private static List<Long> pids(String value) {
        List<Long> pids = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .map(Long::parseLong)
                    .forEach(pids::add);
        }
        return pids;
    }

    private static List<Integer> ints(String value) {
        List<Integer> list = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .map(Integer::parseInt)
                    .forEach(list::add);
        }
        return list;
    }
}
