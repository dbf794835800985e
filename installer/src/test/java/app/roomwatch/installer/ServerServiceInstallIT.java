package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roomwatch.installer.Commands.Finished;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/installing.md's "As a systemd service" and the first afternoon's step 3, run as written on this machine as
 * root: the install block, the unit's start as its user (what systemd would do, since there is no systemd here),
 * {@code sudo -u roomwatch … create-tenant}, a sign-in, a graceful stop and the removal block, which must leave
 * nothing behind.
 */
class ServerServiceInstallIT {

    private static final Path PAGE = Path.of("..", "docs", "installing.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^( *)```sh\\n(.*?)^ *```");
    private static final Path OPT = Path.of("/opt/roomwatch-server");
    private static final Path ENV_FILE = Path.of("/etc/roomwatch/server.env");
    private static final Path ETC = Path.of("/etc/roomwatch");
    private static final Path STATE = Path.of("/var/lib/roomwatch");
    private static final Path UNIT = Path.of("/etc/systemd/system/roomwatch-server.service");
    private static final String PASSWORD = "office-password-1";

    @Test
    void serviceInstallsRunsCreatesTheSchoolAndRemovesWithoutATrace(@TempDir Path unpacked) throws Exception {
        assumeTrue(
                Commands.run(Duration.ofSeconds(10), "id", "-u")
                        .output()
                        .strip()
                        .equals("0"),
                "skipping: the install guide's service steps run as root only");
        assumeTrue(
                !Files.exists(OPT) && !Files.exists(ENV_FILE) && !Files.exists(STATE) && !Files.exists(UNIT),
                "skipping: this machine already has a Roomwatch server installed (/opt/roomwatch-server,"
                        + " /etc/roomwatch/server.env, /var/lib/roomwatch or the unit)");
        assumeTrue(
                Commands.run(Duration.ofSeconds(10), "id", "roomwatch").exitCode() != 0,
                "skipping: this machine already has a user 'roomwatch'");
        assumeTrue(
                Commands.exists("sudo"), "skipping: no sudo for the guide's 'sudo -u roomwatch' (.ci/run installs it)");
        boolean etcExisted = Files.exists(ETC);

        Path archive = Path.of(System.getProperty("roomwatch.server.distribution"));
        Finished tar =
                Commands.run(Duration.ofMinutes(1), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        Path home = unpacked.resolve("roomwatch-server-" + System.getProperty("roomwatch.version"));

        String service = part("### As a systemd service", "### Settings");
        List<String> blocks = shellBlocks(service);
        assertThat(blocks).as("the install block and the removal block").hasSize(2);
        int port = ServerDistributionIT.freePort();
        int managementPort = ServerDistributionIT.freePort();
        Path log = unpacked.resolve("server.log");
        Process server = null;
        try {
            for (String line : blocks.get(0).lines().toList()) {
                if (line.startsWith("editor ")) {
                    // What the admin does in the editor: the JDK of this machine, and free ports (8080 may be taken).
                    assertThat(line).contains(ENV_FILE.toString());
                    String edited = Files.readString(ENV_FILE)
                            .replaceAll("(?m)^JAVA_HOME=.*$", "JAVA_HOME=" + System.getProperty("java.home"))
                            .replaceAll("(?m)^SERVER_PORT=.*$", "SERVER_PORT=" + port)
                            .replaceAll("(?m)^MANAGEMENT_SERVER_PORT=.*$", "MANAGEMENT_SERVER_PORT=" + managementPort);
                    Files.writeString(ENV_FILE, edited);
                } else if (!line.startsWith("systemctl ") && !line.startsWith("journalctl ")) {
                    runAsWritten(home, line);
                }
            }
            assertThat(UNIT).isRegularFile();
            server = startAsTheUnitWould(log);
            ServerDistributionIT.awaitVersion(server, unpacked, port);
            assertThat(ServerDistributionIT.listeningAddresses(port))
                    .as("where port %d listens", port)
                    .isNotEmpty()
                    .allMatch(ServerDistributionIT.LOOPBACK::contains);

            String step3 = shellBlocks(part("3. **The school and its first admin**", "4. **"))
                    .getFirst();
            assertThat(step3).startsWith("sudo -u roomwatch /opt/roomwatch-server/roomwatch-admin admin create-tenant");
            Finished created =
                    Commands.runWithInput(Duration.ofMinutes(3), Map.of(), PASSWORD + "\n", "sh", "-c", step3);
            assertThat(created.exitCode()).as(created.output()).isZero();
            assertThat(created.output()).contains("Created the school 'oak'");
            assertThat(signIn(port)).as("the new school's admin signs in").isEqualTo(200);

            stopAsSystemdWould(server, log);
            server = null;
            for (String line : blocks.get(1).lines().toList()) {
                String withoutSystemctl = Arrays.stream(line.split("&&"))
                        .map(String::strip)
                        .filter(command -> !command.startsWith("systemctl "))
                        .collect(Collectors.joining(" && "));
                if (!withoutSystemctl.isEmpty()) {
                    runAsWritten(home, withoutSystemctl);
                }
            }
            assertThat(Commands.run(Duration.ofSeconds(10), "id", "roomwatch").exitCode())
                    .as("the user roomwatch is gone")
                    .isNotZero();
            assertThat(Commands.run(Duration.ofSeconds(10), "getent", "group", "roomwatch")
                            .exitCode())
                    .as("the group roomwatch is gone")
                    .isNotZero();
            assertThat(List.of(OPT, ENV_FILE, STATE, UNIT)).noneMatch(Files::exists);
            if (!etcExisted) {
                assertThat(ETC).doesNotExist();
            }
        } finally {
            if (server != null) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor();
            }
            // Whatever a failed step left behind; nothing of it existed before (checked above).
            Commands.run(Duration.ofMinutes(1), "userdel", "roomwatch");
            Commands.run(
                    Duration.ofMinutes(1),
                    "rm",
                    "-rf",
                    OPT.toString(),
                    ENV_FILE.toString(),
                    STATE.toString(),
                    UNIT.toString());
            if (!etcExisted) {
                Commands.run(Duration.ofMinutes(1), "rmdir", "--ignore-fail-on-non-empty", ETC.toString());
            }
        }
    }

    /** One line of a block, in the unpacked folder, as an admin's shell runs it. */
    private static void runAsWritten(Path home, String line) {
        Finished finished = Commands.run(Duration.ofMinutes(1), "sh", "-c", "cd \"$0\" && " + line, home.toString());
        assertThat(finished.exitCode()).as("%s%n%s", line, finished.output()).isZero();
    }

    /**
     * What systemd does with the installed unit: {@code StateDirectory=} created and owned by {@code User=}, the
     * {@code EnvironmentFile=} as the only settings, {@code ExecStart=} with its variables expanded, as the unit's user
     * in its {@code WorkingDirectory=}. The hardening options are systemd's own and not imitated.
     */
    private static Process startAsTheUnitWould(Path log) throws IOException {
        Map<String, String> unit = new LinkedHashMap<>();
        for (String line : Files.readAllLines(UNIT)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[") && line.contains("=")) {
                unit.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        String user = unit.get("User");
        Path stateDirectory = Path.of("/var/lib", unit.get("StateDirectory"));
        Finished state = Commands.run(
                Duration.ofSeconds(10),
                "install",
                "-d",
                "-o",
                user,
                "-g",
                unit.get("Group"),
                "-m",
                unit.getOrDefault("StateDirectoryMode", "0755"),
                stateDirectory.toString());
        assertThat(state.exitCode()).as(state.output()).isZero();

        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(unit.get("EnvironmentFile")))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        for (String word : unit.get("ExecStart").strip().split("\\s+")) {
            if (word.matches("\\$\\w+")) {
                // $NAME: split at spaces into words, as systemd does
                String value = environment.getOrDefault(word.substring(1), "");
                if (!value.isBlank()) {
                    command.addAll(List.of(value.strip().split("\\s+")));
                }
            } else {
                Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(word);
                command.add(variable.replaceAll(
                        match -> Matcher.quoteReplacement(environment.getOrDefault(match.group(1), ""))));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(unit.get("WorkingDirectory")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM to the service's process, as {@code systemctl stop} sends it; it must end within TimeoutStopSec. */
    private static void stopAsSystemdWould(Process server, Path log) throws Exception {
        server.descendants().forEach(ProcessHandle::destroy);
        assertThat(server.waitFor(45, TimeUnit.SECONDS))
                .as("the server stops on SIGTERM within 45 s:%n%s", Files.readString(log))
                .isTrue();
        assertThat(server.exitValue()).as(Files.readString(log)).isIn(0, 143);
    }

    private static int signIn(int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"tenant\":\"oak\",\"username\":\"office\",\"password\":\"" + PASSWORD + "\"}"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            return http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** docs/installing.md from {@code start} up to the first {@code end} after it. */
    private static String part(String start, String end) throws IOException {
        String page = Files.readString(PAGE);
        int from = page.indexOf(start);
        assertThat(from).as("docs/installing.md has '%s'", start).isNotNegative();
        int to = page.indexOf(end, from + start.length());
        return page.substring(from, to < 0 ? page.length() : to);
    }

    /** The {@code sh} blocks of {@code part}, without a list's indentation and with {@code \} lines joined. */
    private static List<String> shellBlocks(String part) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(part);
        while (fence.find()) {
            String indent = fence.group(1);
            blocks.add(fence.group(2)
                    .lines()
                    .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                    .collect(Collectors.joining("\n", "", "\n"))
                    .replace("\\\n", " "));
        }
        return blocks;
    }
}
