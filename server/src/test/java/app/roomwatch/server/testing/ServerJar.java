package app.roomwatch.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar ({@code roomwatch-server.jar}, given by the build as {@code roomwatch.server.jar}) run as an
 * admin runs it: the server in its own JVM on the embedded database, and the admin commands.
 */
public final class ServerJar {

    private static final Path JAR = Path.of(System.getProperty("roomwatch.server.jar", "target/roomwatch-server.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final Path dataDir;
    private final Path logs;

    public ServerJar(Path dataDir, Path logs) {
        this.dataDir = dataDir;
        this.logs = logs;
    }

    /**
     * A connection as the application's role to the embedded PostgreSQL that the running server started, found as
     * an admin finds it: the port in {@code postgres/postmaster.pid}, the password in the data folder.
     */
    public Connection database() throws IOException, SQLException {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        Properties credentials = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("postgres-credentials.properties"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pidFile.get(3).strip() + "/postgres",
                "roomwatch",
                credentials.getProperty("application.password"));
    }

    /** A finished admin command: its exit status and what it printed. */
    public record Result(int exitCode, String out, String err) {}

    /** Runs {@code java -jar roomwatch-server.jar <args> --roomwatch.data-dir=…} with {@code stdin} and waits. */
    public Result command(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.add("--roomwatch.data-dir=" + dataDir);
        Path out = Files.createTempFile(logs, "command-", ".out");
        Path err = Files.createTempFile(logs, "command-", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the command " + List.of(args) + " did not finish in 3 minutes");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out).strip(),
                Files.readString(err).strip());
    }

    /** Starts the server and waits until it answers; {@link Running#kill()} or {@link Running#stop()} ends it. */
    public Running start(String... args) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(logs, "server-", ".log");
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-XX:+UseZGC",
                "-Xmx512m",
                "-jar",
                JAR.toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--roomwatch.data-dir=" + dataDir));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Running running = new Running(process, port, log);
        running.awaitAnswering(Duration.ofMinutes(3));
        return running;
    }

    /** A server process. */
    public static final class Running {
        private final Process process;
        private final int port;
        private final Path log;

        Running(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        public int port() {
            return port;
        }

        public Api api() {
            return new Api(port);
        }

        public String log() throws IOException {
            return Files.readString(log);
        }

        /** {@code kill -9} of the server's JVM alone: its PostgreSQL keeps running. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** A clean stop (SIGTERM), as systemd stops it. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop within 2 minutes");
            }
        }

        void awaitAnswering(Duration timeout) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped at start:\n" + log());
                }
                try {
                    HttpResponse<String> version = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/version"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (version.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the server did not answer within " + timeout + ":\n" + log());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
