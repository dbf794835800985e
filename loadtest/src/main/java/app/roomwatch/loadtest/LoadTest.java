package app.roomwatch.loadtest;

import app.roomwatch.loadtest.measure.Affinity;
import app.roomwatch.loadtest.measure.ProcessStats;
import app.roomwatch.loadtest.measure.ResourceMonitor;
import app.roomwatch.loadtest.report.Machines;
import app.roomwatch.loadtest.report.MarkdownReport;
import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.target.Json;
import app.roomwatch.loadtest.target.NchanTarget;
import app.roomwatch.loadtest.target.PushpinTarget;
import app.roomwatch.loadtest.target.RoomwatchTarget;
import app.roomwatch.loadtest.target.Target;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's load generator (see docs/benchmarks/README.md). Started by bench/run with the addresses and
 * process ids of the servers it measures; writes {@code <name>.json} and {@code <name>.md} into {@code --out}.
 */
public final class LoadTest {

    private final Options options;
    private final long startNanos = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private final List<Report.Placement> placements = new ArrayList<>();
    private final Affinity affinity = Affinity.system();
    private final HttpClient publishing = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private LoadTest(Options options) {
        this.options = options;
        if (!options.note().isBlank()) {
            notes.add(options.note());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new LoadTest(options).run();
        Files.createDirectories(options.out());
        Path json = options.out().resolve(options.name() + ".json");
        Path md = options.out().resolve(options.name() + ".md");
        Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.writeString(md, MarkdownReport.render(report));
        Log.info("wrote %s and %s", json, md);
        System.exit(0);
    }

    private Report run() throws Exception {
        String startedAt = Instant.now().toString();
        Plan plan = options.plan();
        RoomwatchTarget roomwatch = options.roomwatch() == null
                ? null
                : new RoomwatchTarget(
                        new RoomwatchTarget.Settings(
                                options.roomwatch(),
                                options.roomwatchManagement(),
                                options.tenant(),
                                options.adminUser(),
                                options.adminPassword(),
                                options.staffAccounts(),
                                options.students(),
                                RoomwatchTarget.Publish.valueOf(
                                        options.publish().toUpperCase(Locale.ROOT)),
                                options.roomwatchPids()),
                        publishing);
        List<Target> targets = new ArrayList<>();
        if (roomwatch != null) {
            targets.add(roomwatch);
        }
        if (options.nchan() != null) {
            targets.add(new NchanTarget(options.nchan(), publishing, options.nchanPids()));
        }
        if (options.pushpin() != null) {
            targets.add(new PushpinTarget(
                    options.pushpin(),
                    options.pushpinPublish(),
                    options.pushpinOriginPort(),
                    publishing,
                    options.pushpinPids()));
        }
        List<Report.FanOut> fanOuts = new ArrayList<>();
        Report.ScanToScreen scanToScreen = null;
        Report.Stalled stalled = null;
        Report.Storm storm = null;
        Report.Ingest ingest = null;
        try {
            for (int streams : options.streamCounts()) {
                for (Target target : targets) {
                    if (!options.scenarios().contains("fanout") || !timeLeft("fan-out on " + target.name())) {
                        break;
                    }
                    place("fan-out", target, options.serverCpus());
                    try (var resources = monitor(target);
                            Fleet fleet = openFleet(target, streams)) {
                        fanOuts.add(new FanOutLadder(plan, resources).run(target, fleet, streams));
                    }
                }
            }
            if (roomwatch != null && options.scenarios().contains("scan") && timeLeft("scan to screen")) {
                place("scan to screen", roomwatch, options.roomwatchAloneCpus());
                try (var resources = monitor(roomwatch);
                        Fleet fleet = openFleet(roomwatch, plan.scanStreams())) {
                    scanToScreen = new ScanToScreen(roomwatch, new FanOutLadder(plan, resources))
                            .run(
                                    fleet,
                                    plan.scanRate(),
                                    plan.scanDuration(),
                                    plan.warmup().multipliedBy(2));
                    Log.info("scan to screen: p99 %.1f ms over %d scans", scanToScreen.p99Ms(), scanToScreen.matched());
                }
            }
            // Stalled clients run on a fleet of their own: the storm wants many streams (SPEC 8: 10,000), frozen
            // clients
            // a rate at which their buffers fill within the stall window, which the tool cannot send to 10,000 streams.
            if (roomwatch != null && options.scenarios().contains("stalled") && timeLeft("stalled clients")) {
                int streams = options.streams().isEmpty()
                        ? plan.stalledStreams()
                        : options.streams().getLast();
                double rate = Math.max(1, plan.stalledDeliveriesPerSecond() / streams);
                try (var resources = monitor(roomwatch);
                        Fleet fleet = openFleet(roomwatch, streams)) {
                    place("stalled clients", roomwatch, options.roomwatchAloneCpus());
                    stalled = new StalledClients(new FanOutLadder(plan, resources))
                            .run(roomwatch, fleet, rate, plan.warmup(), plan.stallWindow());
                }
            }
            if (roomwatch != null && options.scenarios().contains("storm") && timeLeft("reconnect storm")) {
                int streams = options.streams().isEmpty()
                        ? plan.specialStreams()
                        : options.streams().getLast();
                double rate = Math.max(1, plan.specialDeliveriesPerSecond() / streams);
                try (Fleet fleet = openFleet(roomwatch, streams)) {
                    place("reconnect storm", roomwatch, options.roomwatchAloneCpus());
                    storm = new ReconnectStorm()
                            .run(
                                    roomwatch,
                                    fleet,
                                    rate,
                                    plan.warmup(),
                                    plan.warmup().plus(plan.measure()));
                }
            }
            if (roomwatch != null && options.scenarios().contains("ingest") && timeLeft("ingest")) {
                roomwatch.prepare(1);
                place("ingest", roomwatch, options.roomwatchAloneCpus());
                try (var resources = monitor(roomwatch)) {
                    ingest = new Ingest(roomwatch, resources).run(plan.ingestScanners(), plan.ingestStep());
                }
            }
        } finally {
            targets.forEach(Target::close);
        }
        return new Report(
                options.name(),
                startedAt,
                (System.nanoTime() - startNanos) / 60e9,
                Machines.current(),
                options.peerVersions(),
                plan.p99BoundMs(),
                fanOuts,
                compare(fanOuts),
                scanToScreen,
                stalled,
                storm,
                ingest,
                notes,
                placements);
    }

    /**
     * Moves the target (every process and thread of it) to {@code cpus} when given, and records where the tool and
     * the target run for this section. The peers comparison gives every server the same CPUs; the scenarios that judge
     * Roomwatch alone give it the machine (see docs/benchmarks/README.md, "Pinning").
     */
    private void place(String section, Target target, String cpus) {
        if (target.pids().isEmpty()) {
            return;
        }
        String now = affinity.of(target.pids());
        if (cpus != null && !cpus.equals(now)) {
            try {
                now = affinity.pin(target.pids(), cpus);
                Log.info("%s: %s moved to CPU %s", section, target.name(), now);
            } catch (java.io.IOException e) {
                notes.add(target.name() + " could not be moved to CPU " + cpus + " for " + section + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        placements.add(new Report.Placement(section, target.name(), affinity.tool(), now));
    }

    private Fleet openFleet(Target target, int streams) throws Exception {
        Log.info("%s: preparing %d streams", target.name(), streams);
        target.prepare(streams);
        Fleet fleet = new Fleet(target, options.readerThreads());
        int live = fleet.open(streams, 200, Duration.ofSeconds(120));
        Log.info("%s: %d of %d streams live", target.name(), live, streams);
        if (live < streams) {
            notes.add(String.format(Locale.ROOT, "%s: only %d of %d streams went live", target.name(), live, streams));
        }
        return fleet;
    }

    private ResourceMonitor monitor(Target target) {
        return new ResourceMonitor(ProcessStats.system(), target.pids(), target.heapBytes());
    }

    private boolean timeLeft(String what) {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        if (minutes < options.maxMinutes()) {
            return true;
        }
        notes.add("Left out for lack of time (--max-minutes=" + options.maxMinutes() + "): " + what);
        return false;
    }

    private static boolean ranOut(Report.FanOut fanOut) {
        return fanOut.stoppedBecause().startsWith("the plan's");
    }

    private static String reading(boolean roomwatchRanOut, boolean peerRanOut) {
        if (roomwatchRanOut && peerRanOut) {
            return "both ran out of steps: neither limit was found";
        }
        if (roomwatchRanOut) {
            return "Roomwatch ran out of steps: the ratio is at least this";
        }
        if (peerRanOut) {
            return "the peer ran out of steps: the ratio is at most this";
        }
        return "both limits found";
    }

    /** Where the peer sustained no step there is no ratio: Roomwatch did better if it sustained one, else neither did. */
    private static String withoutPeerRate(double roomwatch) {
        return roomwatch > 0 ? "the peer sustained no step, Roomwatch did" : "neither sustained a step";
    }

    /**
     * Roomwatch's best sustained rate against each peer's, for every stream count both have one for. The ratio is that
     * of the best sustained steps' publish rates: the ladders share their steps, so two targets that held the same step
     * are equal at the ladder's resolution, whatever the few deliveries the measuring window's edges caught or missed.
     */
    static List<Report.Comparison> compare(List<Report.FanOut> fanOuts) {
        List<Report.Comparison> comparisons = new ArrayList<>();
        for (Report.FanOut rw : fanOuts) {
            if (!rw.target().equals("roomwatch")) {
                continue;
            }
            for (Report.FanOut peer : fanOuts) {
                if (peer.target().equals("roomwatch") || peer.streams() != rw.streams()) {
                    continue;
                }
                double mine = rw.best() == null ? 0 : rw.best().deliveriesPerSecond();
                double theirs = peer.best() == null ? 0 : peer.best().deliveriesPerSecond();
                comparisons.add(new Report.Comparison(
                        rw.streams(),
                        peer.target(),
                        mine,
                        theirs,
                        mine == 0 || theirs == 0
                                ? 0
                                : rw.best().publishRate() / peer.best().publishRate(),
                        theirs == 0
                                ? withoutPeerRate(mine)
                                : mine == 0
                                        ? "Roomwatch sustained no step, the peer did"
                                        : reading(ranOut(rw), ranOut(peer)),
                        equalLoad(rw, peer)));
            }
        }
        return comparisons;
    }

    /** The highest publish rate both ladders ran a step at, with each one's p99 there; null when they share none. */
    static Report.EqualLoad equalLoad(Report.FanOut roomwatch, Report.FanOut peer) {
        Report.EqualLoad highest = null;
        for (Step mine : roomwatch.steps()) {
            for (Step theirs : peer.steps()) {
                boolean sameRate = Math.abs(mine.publishRate() - theirs.publishRate()) <= 1e-6 * mine.publishRate();
                if (sameRate && (highest == null || mine.publishRate() > highest.publishRate())) {
                    highest = new Report.EqualLoad(
                            mine.publishRate(),
                            mine.deliveriesPerSecond(),
                            mine.p99Ms(),
                            mine.lost(),
                            theirs.deliveriesPerSecond(),
                            theirs.p99Ms(),
                            theirs.lost());
                }
            }
        }
        return highest;
    }
}
