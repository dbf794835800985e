package app.roomwatch.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server jar, run as its own process on a free port with its own data folder and demo data, for tests
 * that need the whole server: started, stopped and started again on the same port and data (the data survive).
 * The jar's path comes from the {@code roomwatch.server.jar} system property the build sets.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private final Path jar;
    private final Path workDir;
    private final int port;
    private final int managementPort;
    private final Map<String, String> settings;
    private final List<String> launcher;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private boolean stopOnExit;

    private ServerProcess(Path workDir, int port, Map<String, String> settings, List<String> launcher) {
        String jarPath = System.getProperty("roomwatch.server.jar");
        if (jarPath == null) {
            throw new IllegalStateException("The system property 'roomwatch.server.jar' is not set; run the tests"
                    + " through Maven, which points it at server/target/roomwatch-server.jar");
        }
        this.jar = Path.of(jarPath);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -pl server -am package -DskipTests");
        }
        this.workDir = workDir;
        this.port = port;
        this.managementPort = freePort();
        this.settings = settings;
        this.launcher = List.copyOf(launcher);
    }

    /**
     * Starts the server with demo data on a free port and waits until it is healthy.
     *
     * @param workDir holds the server's data folder and its log
     * @param settings extra {@code --key=value} settings, e.g. {@code roomwatch.auth.access-token-ttl -> 3s}
     */
    public static ServerProcess start(Path workDir, Map<String, String> settings) {
        return start(workDir, settings, List.of());
    }

    /**
     * As {@link #start(Path, Map)}, with the java command run through {@code launcher}, e.g. {@code nice -n 19
     * taskset -c 1}, so a benchmark can keep the server from competing with the console it measures.
     */
    public static ServerProcess start(Path workDir, Map<String, String> settings, List<String> launcher) {
        var server = new ServerProcess(workDir, freePort(), new LinkedHashMap<>(settings), launcher);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** E.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the server's output goes, appended over restarts; worth reading when a test fails. */
    public Path log() {
        return workDir.resolve("server.log");
    }

    /** Starts the server again after {@link #stop()}: same port, same data. Waits until it is healthy. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The server is already running");
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--roomwatch.data-dir=" + workDir.resolve("data"),
                "--demo",
                // Open streams must not hold a stop up for the default 30 s.
                "--spring.lifecycle.timeout-per-shutdown-phase=2s"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(workDir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the server jar " + jar, e);
        }
        if (!stopOnExit) {
            stopOnExit = true;
            // A test run that ends without stopping the server (a crash, a forgotten close) leaves none behind.
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-server-" + port));
        }
        awaitHealthy();
    }

    /** Stops the server as an operator would (SIGTERM), and makes sure its database processes are gone too. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
        // The embedded PostgreSQL detaches from the server; a server that did not stop cleanly leaves it
        // running on the data folder, where the next start would find it locked. Only ours name that folder.
        String dataDir = workDir.resolve("data").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir))
                .forEach(ProcessHandle::destroy);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitHealthy() {
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The server exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the server", e);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the server", e);
            }
        }
        stop();
        throw new IllegalStateException("The server was not healthy within " + STARTUP + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
