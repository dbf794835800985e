package app.roomwatch.console.main;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.realtime.SseRealtimeClient;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import app.roomwatch.console.testing.ServerProcess;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.VisitDisplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import tools.jackson.databind.JsonNode;

/**
 * The console under a burst: 500 events in about a second reach a console signed in as anna (scans at her door:
 * each makes a {@code student_checkin} or {@code student_checkout} on her group and a {@code room_occupancy}).
 * Measures the longest gap between two JavaFX pulses while the burst is handled (an animation timer keeps pulses
 * coming, so a gap is time the FX thread was busy) and how long after the last scan the views show what the
 * server has. Not a test: run it on a quiet machine with a display, and keep the report.
 *
 * <p>{@code xvfb-run -a ./mvnw -B -pl desktop-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=app.roomwatch.console.main.ConsoleResponsivenessBenchmark
 * -Droomwatch.server.jar=$PWD/server/target/roomwatch-server.jar} (docs/console.md has the whole recipe).
 */
public final class ConsoleResponsivenessBenchmark {

    static final int EVENTS = 500;
    static final Duration BURST = Duration.ofSeconds(1);
    /**
     * The load sends its scans over this much time: the server answers some of them later than they were sent, so
     * their events reach the console over about {@link #BURST}. The report gives the window they really arrived in.
     */
    static final Duration SEND_OVER = Duration.ofMillis(700);

    static final Duration STALL_TARGET = Duration.ofMillis(100);

    private ConsoleResponsivenessBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : repositoryDocs().resolve("benchmarks");
        Path work = Files.createTempDirectory("roomwatch-responsiveness");
        Platform.startup(() -> {});
        List<String> launcher = backgroundLauncher();
        try (ServerProcess server = ServerProcess.start(
                work.resolve("server"),
                Map.of("roomwatch.scan.requests-per-minute", "1000000", "roomwatch.stream.connects-per-minute", "1000"),
                launcher)) {
            Result result = run(server, work, launcher);
            Files.createDirectories(out);
            Files.writeString(out.resolve("console-responsiveness.json"), result.json());
            Files.writeString(out.resolve("console-responsiveness.md"), result.markdown());
            System.out.println(result.markdown());
        } finally {
            Platform.exit();
        }
    }

    /**
     * How the server and the load generator are started: at the lowest CPU priority and, on a machine with more
     * than one core, pinned to the last core, so they compete with the console as little as the machine allows
     * (on site the server runs elsewhere). Empty where {@code nice}/{@code taskset} do not exist; without pinning
     * with {@code -Droomwatch.benchmark.pin=false} (then the niced server may use an idle core of the console's).
     */
    static List<String> backgroundLauncher() {
        List<String> launcher = new ArrayList<>();
        boolean nice = Boolean.parseBoolean(System.getProperty("roomwatch.benchmark.nice", "true"));
        if (nice && onPath("nice")) {
            launcher.addAll(List.of("nice", "-n", "19"));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        boolean pin = Boolean.parseBoolean(System.getProperty("roomwatch.benchmark.pin", "true"));
        if (pin && cores > 1 && onPath("taskset")) {
            launcher.addAll(List.of("taskset", "-c", Integer.toString(cores - 1)));
        }
        return launcher;
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static Result run(ServerProcess server, Path work, List<String> launcher) throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicLong firstEvent = new AtomicLong();
        AtomicLong lastEvent = new AtomicLong();
        ConsoleStartup startup = new ConsoleStartup(
                server.baseUrl(),
                "demo",
                "anna",
                "demo",
                new UserChoices(Theme.LIGHT, "en", false, "anna", "demo"),
                choices -> {},
                sound -> {},
                ServerApi::at,
                session -> {
                    SseRealtimeClient client = SseRealtimeClient.create(session, work, RealtimeSettings.defaults());
                    client.subscribeAll(event -> {
                        received.incrementAndGet();
                        long now = System.nanoTime();
                        firstEvent.compareAndSet(0, now);
                        lastEvent.set(now);
                    });
                    return client;
                },
                TokenVault.none());
        ConsoleShell shell = onFx(() -> {
            Stage stage = new Stage();
            ConsoleShell console = new ConsoleShell(stage, startup);
            console.start();
            return console;
        });
        awaitTrue(
                Duration.ofSeconds(60),
                () -> onFx(() -> shell.main() != null
                        && shell.main().status().lightProperty().get() == Light.LIVE
                        && !shell.main().groups().mine().groups().items().isEmpty()));
        onFx(() -> {
            shell.mainView().show("tab.groups");
            return null;
        });

        DemoSchool school = new DemoSchool(server.baseUrl());
        JsonNode group = school.groupOf("Anna");
        String scanner = school.registerScanner(group.get("roomId").asString());
        StaffSession anna =
                StaffSession.login(ServerApi.at(server.baseUrl()), new LoginRequest("demo", "anna", "demo"));
        int scans = EVENTS / 2; // each scan here is one visit event and one room_occupancy
        List<String> loadCommand = new ArrayList<>(launcher);
        loadCommand.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                BurstLoad.class.getName(),
                server.baseUrl(),
                scanner,
                Integer.toString(scans),
                Long.toString(SEND_OVER.toMillis())));
        Process load = new ProcessBuilder(loadCommand)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var loadOut = new java.io.BufferedReader(
                new java.io.InputStreamReader(load.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        expectLine(loadOut, "ready");
        Thread.sleep(2_000); // let the sign-in's own loading finish before measuring

        PulseMonitor pulses = new PulseMonitor();
        onFx(() -> {
            pulses.start();
            return null;
        });
        Thread.sleep(500);
        pulses.reset();

        int before = received.get();
        firstEvent.set(0);
        Instant burstStart = Instant.now();
        load.getOutputStream().write("go\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        load.getOutputStream().flush();
        expectLine(loadOut, "done");
        load.waitFor();
        Instant burstEnd = Instant.now();

        // Right = My groups shows exactly the children the server has in anna's group, and Live rooms the server's
        // occupancy for every room.
        String groupId = group.get("id").asString();
        Instant right = null;
        Instant deadline = burstEnd.plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<String> truthChildren = Arrays.stream(
                            anna.get("/api/active/groups/" + groupId + "/visits/display", VisitDisplay[].class))
                    .map(VisitDisplay::visitId)
                    .sorted()
                    .toList();
            List<String> truthRooms = Arrays.stream(anna.get("/api/rooms", RoomView[].class))
                    .map(r -> r.id() + "=" + r.occupancy())
                    .sorted()
                    .toList();
            boolean same = onFx(() -> {
                List<String> shownChildren = shell.main().groups().mine().children().items().stream()
                        .map(VisitDisplay::visitId)
                        .sorted()
                        .toList();
                List<String> shownRooms = shell.main().rooms().rooms().items().stream()
                        .map(r -> r.id() + "=" + r.occupancy())
                        .sorted()
                        .toList();
                return shownChildren.equals(truthChildren) && shownRooms.equals(truthRooms);
            });
            if (same) {
                right = Instant.now();
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(500);
        onFx(() -> {
            pulses.stop();
            return null;
        });
        int events = received.get() - before;
        Duration arrival = Duration.ofNanos(lastEvent.get() - firstEvent.get());
        onFx(() -> {
            shell.close();
            return null;
        });
        return new Result(
                scans,
                events,
                Duration.between(burstStart, burstEnd),
                arrival,
                pulses.longestGap(),
                pulses.frames(),
                right == null ? null : Duration.between(burstEnd, right),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                cpuModel(),
                loadAverage(),
                launcher.isEmpty() ? "as the console" : String.join(" ", launcher),
                Instant.now());
    }

    /** Counts pulses and remembers the longest gap between two. */
    private static final class PulseMonitor extends AnimationTimer {
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong longest = new AtomicLong();
        private final AtomicInteger frames = new AtomicInteger();

        @Override
        public void handle(long now) {
            long previous = last.getAndSet(now);
            if (previous != 0) {
                longest.accumulateAndGet(now - previous, Math::max);
            }
            frames.incrementAndGet();
        }

        void reset() {
            longest.set(0);
            frames.set(0);
        }

        Duration longestGap() {
            return Duration.ofNanos(longest.get());
        }

        int frames() {
            return frames.get();
        }
    }

    record Result(
            int scans,
            int eventsReceived,
            Duration burst,
            Duration arrival,
            Duration longestStall,
            int frames,
            Duration untilRight,
            int cores,
            String os,
            String cpu,
            String load,
            String background,
            Instant at) {

        boolean passed() {
            return burstAsIntended() && longestStall.compareTo(STALL_TARGET) <= 0 && untilRight != null;
        }

        /** The console really met the target load: 500 events within a second. */
        boolean burstAsIntended() {
            return eventsReceived >= EVENTS && arrival.compareTo(BURST) <= 0;
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    """
                    {
                      "at": "%s",
                      "machine": {"cores": %d, "os": "%s", "cpu": "%s", "loadAverage": "%s"},
                      "serverAndLoadRunWith": "%s",
                      "scans": %d,
                      "eventsReceived": %d,
                      "burstMillis": %d,
                      "eventsArrivedWithinMillis": %d,
                      "longestFxStallMillis": %d,
                      "frames": %d,
                      "untilRightMillis": %s,
                      "targetStallMillis": %d,
                      "passed": %s
                    }
                    """,
                    at,
                    cores,
                    os,
                    cpu,
                    load,
                    background,
                    scans,
                    eventsReceived,
                    burst.toMillis(),
                    arrival.toMillis(),
                    longestStall.toMillis(),
                    frames,
                    untilRight == null ? "null" : Long.toString(untilRight.toMillis()),
                    STALL_TARGET.toMillis(),
                    passed());
        }

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    """
                    # Console responsiveness under a burst

                    Measured %s on %d cores (%s, %s; load average before the run: %s) by
                    `ConsoleResponsivenessBenchmark` (see docs/console.md for the command). The console runs inside
                    the Maven JVM that starts it, on Xvfb with JavaFX's software renderer. Server and load generator
                    share the machine, as processes of their own started with `%s`, so they take what CPU the
                    console leaves (on site the server runs elsewhere).
                    The real server jar with demo data; the console signed in as `anna` showing My groups; %d scans
                    at her room's door, sent over %d ms and all answered %d ms after the first was sent, each making a
                    visit event on her group and a `room_occupancy`. Before it, the load sent %d bursts like it, so the
                    server (and the console) had run the scan path before, as they have on a school day.

                    | what | result | target |
                    |---|---|---|
                    | events the console received | %d | 500 |
                    | from the first of them to the last | %d ms | ≤ %d ms |
                    | longest FX-thread stall (gap between two pulses) | %d ms | ≤ %d ms |
                    | from the last scan's answer until My groups and Live rooms show the server's state | %s | settles |
                    | frames drawn meanwhile | %d | |

                    %s
                    """,
                    at,
                    cores,
                    os,
                    cpu,
                    load,
                    background,
                    scans,
                    SEND_OVER.toMillis(),
                    burst.toMillis(),
                    BurstLoad.WARMUP_BURSTS,
                    eventsReceived,
                    arrival.toMillis(),
                    BURST.toMillis(),
                    longestStall.toMillis(),
                    STALL_TARGET.toMillis(),
                    untilRight == null ? "not within 30 s" : untilRight.toMillis() + " ms",
                    frames,
                    passed()
                            ? "**Passed.**"
                            : burstAsIntended()
                                    ? "**Not passed.**"
                                    : "**Not passed: the console did not get 500 events within a second.**");
        }
    }

    /** The benchmark's own class path: under {@code exec:java} that is its class loader's, not the JVM's. */
    private static String classPath() throws Exception {
        if (BurstLoad.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void expectLine(java.io.BufferedReader in, String expected) throws java.io.IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new IllegalStateException("the load generator ended before saying " + expected);
    }

    /** The CPU's model name on Linux, so a report says what it ran on; else "n/a". */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** The 1, 5 and 15 minute load averages on Linux, so a report says how busy the machine was; else "n/a". */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static void awaitTrue(Duration limit, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!Objects.equals(condition.call(), Boolean.TRUE)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the console did not get ready in " + limit);
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static Path repositoryDocs() {
        return Files.isDirectory(Path.of("docs")) ? Path.of("docs") : Path.of("..", "docs");
    }
}
