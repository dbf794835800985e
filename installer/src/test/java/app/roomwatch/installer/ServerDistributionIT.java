package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roomwatch.installer.Commands.Finished;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacks the server distribution the build just made and checks that what an admin installs fits together. */
class ServerDistributionIT {

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() {
        Path archive = Path.of(System.getProperty("roomwatch.server.distribution"));
        assertThat(archive).isNotEmptyFile();
        Finished tar =
                Commands.run(Duration.ofMinutes(1), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        home = unpacked.resolve("roomwatch-server-" + System.getProperty("roomwatch.version"));
    }

    @Test
    void archiveHoldsTheJarTheUnitTheExampleSettingsAndAReadme() throws IOException {
        assertThat(home.resolve("roomwatch-server.jar")).isNotEmptyFile();
        assertThat(home.resolve("roomwatch-server.service")).isNotEmptyFile();
        assertThat(home.resolve("server.env.example")).isNotEmptyFile();
        assertThat(home.resolve("README.md")).content().contains("systemctl enable --now roomwatch-server");
        try (JarFile jar = new JarFile(home.resolve("roomwatch-server.jar").toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Start-Class")).isEqualTo("app.roomwatch.server.RoomwatchServer");
        }
    }

    @Test
    void unitRunsTheInstalledJarAsItsOwnUserWithTheSettingsFile() throws IOException {
        String unit = Files.readString(home.resolve("roomwatch-server.service"));
        String readme = Files.readString(home.resolve("README.md"));

        assertThat(unit)
                .contains("User=roomwatch", "EnvironmentFile=/etc/roomwatch/server.env", "Restart=on-failure")
                .contains("-jar /opt/roomwatch-server/roomwatch-server.jar")
                .contains("StateDirectory=roomwatch", "NoNewPrivileges=yes", "ProtectSystem=strict")
                .doesNotContainPattern("(?m)^MemoryDenyWriteExecute=");
        assertThat(readme).contains("/opt/roomwatch-server", "/etc/roomwatch/server.env");
    }

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() {
        assumeTrue(Commands.exists("systemd-analyze"), "skipping: systemd-analyze is not on this machine");

        Finished verify = Commands.run(
                Duration.ofMinutes(1),
                "systemd-analyze",
                "verify",
                "--man=no",
                home.resolve("roomwatch-server.service").toString());

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("systemd's complaints").isBlank();
    }

    @Test
    void exampleSettingsNameEverythingTheUnitAndTheServerRead() throws IOException {
        assertThat(Files.readString(home.resolve("server.env.example")))
                .containsPattern("(?m)^JAVA_HOME=")
                .containsPattern("(?m)^#SPRING_DATASOURCE_URL=jdbc:postgresql://")
                .containsPattern("(?m)^#SPRING_DATASOURCE_USERNAME=")
                .containsPattern("(?m)^#SPRING_DATASOURCE_PASSWORD=")
                .containsPattern("(?m)^SERVER_ADDRESS=127\\.0\\.0\\.1$")
                .containsPattern("(?m)^SERVER_PORT=")
                .containsPattern("(?m)^ROOMWATCH_DATADIR=")
                .containsPattern("(?m)^ROOMWATCH_AUTH_JWTSECRET=");
    }

    /**
     * The example as shipped runs: the embedded database, plain HTTP on loopback only (for the TLS proxy in front).
     * Only where this machine differs from a server is changed: the data folder and a free port.
     */
    @Test
    void exampleSettingsRunUneditedOnLoopbackOnly(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Map<String, String> settings = new HashMap<>(exampleSettings());
        settings.put("ROOMWATCH_DATADIR", dataDir.toString());
        settings.put("SERVER_PORT", Integer.toString(port));
        settings.put("MANAGEMENT_SERVER_PORT", Integer.toString(freePort()));
        Process server = start(dataDir, settings);
        try {
            awaitVersion(server, dataDir, port);
            assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipping the bind check: no /proc/net/tcp");
            assertThat(listeningAddresses(port))
                    .as("where port %d listens", port)
                    .isNotEmpty()
                    .allMatch(LOOPBACK::contains);
        } finally {
            stop(server);
        }
    }

    /** {@code roomwatch-admin} runs the jar's commands with the service's settings file, as the service's user would. */
    @Test
    void adminWrapperRunsCommandsWithTheServicesSettings(@TempDir Path dataDir) throws IOException {
        Path envFile = dataDir.resolve("server.env");
        String example = Files.readString(home.resolve("server.env.example"))
                .replaceAll("(?m)^JAVA_HOME=.*$", "JAVA_HOME=" + System.getProperty("java.home"))
                .replaceAll("(?m)^ROOMWATCH_DATADIR=.*$", "ROOMWATCH_DATADIR=" + dataDir.resolve("data"));
        Files.writeString(envFile, example);
        Path wrapper = home.resolve("roomwatch-admin");
        assertThat(wrapper).isExecutable();

        Finished created = Commands.runWithInput(
                Duration.ofMinutes(3),
                Map.of("ROOMWATCH_ENV_FILE", envFile.toString()),
                "office-password\n",
                wrapper.toString(),
                "admin",
                "create-tenant",
                "--tenant=oak",
                "--name=Oak School",
                "--admin=office");
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).contains("Created the school 'oak'");

        Finished backup = Commands.runWithInput(
                Duration.ofMinutes(3),
                Map.of("ROOMWATCH_ENV_FILE", envFile.toString()),
                "",
                wrapper.toString(),
                "backup");
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        try (var backups = Files.list(dataDir.resolve("data/backups"))) {
            assertThat(backups)
                    .singleElement()
                    .satisfies(file -> assertThat(file.getFileName().toString()).startsWith("roomwatch-backup-"));
        }
    }

    /** server.env.example's active lines, read the way systemd's EnvironmentFile= reads them. */
    private static Map<String, String> exampleSettings() throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String line : Files.readAllLines(home.resolve("server.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return settings;
    }

    /** 127.0.0.1, ::ffff:127.0.0.1 and ::1 as the kernel writes them in /proc/net/tcp and tcp6. */
    static final java.util.Set<String> LOOPBACK =
            java.util.Set.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    /** The local addresses (hex, as the kernel writes them) of the sockets listening on {@code port}. */
    static java.util.List<String> listeningAddresses(int port) throws IOException {
        String hexPort = ":%04X".formatted(port);
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (Files.isReadable(tcp6)) {
            lines.addAll(Files.readAllLines(tcp6));
        }
        return lines.stream()
                .filter(line -> !line.strip().startsWith("sl"))
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields[1].endsWith(hexPort) && fields[3].equals("0A"))
                .map(fields -> fields[1].substring(0, fields[1].indexOf(':')))
                .toList();
    }

    /** Waits for /api/version on 127.0.0.1:{@code port}; {@code dataDir}'s server.log tells why it did not come. */
    static void awaitVersion(Process server, Path dataDir, int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest version = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/version"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                if (!server.isAlive()) {
                    fail("the server stopped with exit code %d:%n%s", server.exitValue(), log(dataDir));
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("the server did not answer /api/version within 2 minutes:%n%s", log(dataDir));
                }
                try {
                    if (http.send(version, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // refused until Jetty is up; the process and deadline checks above bound the wait
                }
                server.waitFor(250, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The jar from the archive starts with the settings as environment variables, the way the unit passes them. */
    @Test
    void distributedJarServesWithSettingsFromTheEnvironment(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        Process server = start(
                dataDir,
                Map.of(
                        "SERVER_PORT",
                        Integer.toString(port),
                        "MANAGEMENT_SERVER_PORT",
                        Integer.toString(managementPort)));
        try (HttpClient http = HttpClient.newHttpClient()) {
            // Health answers on the management port, on 127.0.0.1 by default.
            HttpRequest health = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                if (!server.isAlive()) {
                    fail("the server stopped with exit code %d:%n%s", server.exitValue(), log(dataDir));
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("the server did not answer /actuator/health within 2 minutes:%n%s", log(dataDir));
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        assertThat(response.body()).contains("\"UP\"");
                        break;
                    }
                } catch (IOException notListeningYet) {
                    // Connection refused until Tomcat is up; the process and deadline checks above bound the wait.
                }
                // Polls, but wakes at once if the server exits.
                server.waitFor(250, TimeUnit.MILLISECONDS);
            }
            assertThat(dataDir.resolve("postgres"))
                    .as("the embedded database's data folder, from ROOMWATCH_DATADIR")
                    .isDirectory();
        } finally {
            stop(server);
        }
    }

    /** A name that did not bind would be ignored in silence; a secret too short for HS256 must stop the start. */
    @Test
    void tokenSecretVariableOfTheExampleReachesTheServer(@TempDir Path dataDir) throws Exception {
        Process server = start(
                dataDir,
                Map.of(
                        "SERVER_PORT",
                        Integer.toString(freePort()),
                        "MANAGEMENT_SERVER_PORT",
                        Integer.toString(freePort()),
                        "ROOMWATCH_AUTH_JWTSECRET",
                        "shorter-than-32"));
        try {
            assertThat(server.waitFor(2, TimeUnit.MINUTES))
                    .as("the server should refuse to start:%n%s", log(dataDir))
                    .isTrue();
            assertThat(server.exitValue()).isNotZero();
            assertThat(log(dataDir)).contains("jwt-secret");
        } finally {
            stop(server);
        }
    }

    private static Process start(Path dataDir, Map<String, String> settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        home.resolve("roomwatch-server.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("ROOMWATCH_"));
        builder.environment().put("ROOMWATCH_DATADIR", dataDir.toString());
        builder.environment().putAll(settings);
        return builder.start();
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(45, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String log(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("server.log"));
    }
}
