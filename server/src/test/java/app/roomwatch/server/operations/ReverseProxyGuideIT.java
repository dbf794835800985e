package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.server.testing.ServerJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 2 of docs/installing.md's "A school's first afternoon": the page's {@code nginx} block, taken as written, in
 * front of the packaged jar, with curl as the client over HTTPS. Only what a test must changes: the upstream's port
 * (the test server's), the {@code listen} address (a free port on 127.0.0.1) and the certificate's paths (a
 * self-signed one for {@code roomwatch.school.example} that curl trusts). The block is {@code include}d verbatim
 * from a wrapper that lets nginx run unprivileged in the test's folder ({@code events}, {@code http}, pid, logs,
 * temp paths, {@code master_process off} so that nginx started as root does not switch its workers to another user).
 *
 * <p>Through the proxy an admin signs in, opens the live stream, a scanner posts a scan with its key, and the scan's
 * {@code student_checkin} reaches the stream within a second of the scan's answer: nothing buffers or compresses it.
 * The page's block is not the only thing that keeps nginx from buffering: the server sends {@code
 * X-Accel-Buffering: no} on the stream, which nginx honours, so without the block's {@code proxy_buffering off} the
 * events still arrive at once (tried). When nginx does buffer (tried with {@code proxy_ignore_headers
 * X-Accel-Buffering} in place of {@code proxy_buffering off}), not even the stream's headers reach curl within ten
 * seconds, and the test fails. The server shows nothing of {@code X-Forwarded-Proto} or {@code Host}, so their
 * passing is not checked here.
 *
 * <p>Without nginx on the machine the test is skipped with a message, except on CI ({@code CI=true}), where
 * {@code .ci/run} installs it and its absence fails the test.
 */
class ReverseProxyGuideIT {

    private static final String HOST = "roomwatch.school.example";
    private static final String PASSWORD = "a-long-first-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @TempDir
    Path proxy;

    @Test
    void theGuidesNginxBlockPassesRestAndTheLiveStreamOverHttpsWithoutHoldingEventsBack() throws Exception {
        Path nginx = nginx();
        List<InstallingGuide.Block> blocks =
                InstallingGuide.blocks(InstallingGuide.part("### Reverse proxy (nginx)", "\n## "));
        assertThat(blocks)
                .as("the section's blocks")
                .extracting(InstallingGuide.Block::language)
                .containsExactly("nginx");

        ServerJar jar = new ServerJar(dataDir, logs);
        School school = new School("oak", "office", PASSWORD);
        ServerJar.Result created = school.create(jar);
        assertThat(created.exitCode()).as(created.err()).isZero();
        ServerJar.Running server = jar.start();
        Process proxyProcess = null;
        try {
            String scannerKey = school.furnish(server);

            int port = freePort();
            certificate();
            Path conf = configuration(blocks.getFirst().text(), server.port(), port);
            Path errorLog = proxy.resolve("error.log");
            Result checked = run(List.of(
                    nginx.toString(), "-t", "-p", proxy.toString(), "-c", conf.toString(), "-e", errorLog.toString()));
            assertThat(checked.exitCode()).as(checked.output()).isZero();
            proxyProcess = new ProcessBuilder(
                            nginx.toString(), "-p", proxy.toString(), "-c", conf.toString(), "-e", errorLog.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(proxy.resolve("nginx.out").toFile())
                    .start();
            awaitListening(port, proxyProcess);
            Curl curl = new Curl(port);

            // A plain REST call, and signing in.
            JsonNode version = curl.json("/api/version");
            assertThat(version.has("serverVersion")).as(version.toString()).isTrue();
            JsonNode login = curl.json(
                    "/api/auth/login",
                    "-H",
                    "Content-Type: application/json",
                    "-d",
                    JSON.writeValueAsString(new LoginRequest("oak", "office", PASSWORD)));
            String token = login.get("accessToken").asString();
            JsonNode me = curl.json("/api/me", "-H", "Authorization: Bearer " + token);
            assertThat(me.get("displayName").asString()).isEqualTo("School Office");

            // The live stream, asking for compression that it must not get.
            try (Stream stream = curl.stream(
                    "/api/sse/events",
                    "-H",
                    "Authorization: Bearer " + token,
                    "-H",
                    "Accept: text/event-stream",
                    "-H",
                    "Accept-Encoding: gzip")) {
                List<String> head = stream.head();
                assertThat(head.getFirst()).matches("HTTP/\\S+ 200\\s*");
                assertThat(head)
                        .anySatisfy(
                                line -> assertThat(line.toLowerCase()).startsWith("content-type: text/event-stream"));
                assertThat(head)
                        .noneSatisfy(line -> assertThat(line.toLowerCase()).startsWith("content-encoding"));
                stream.until("event: connected", Duration.ofSeconds(10));

                JsonNode scan = curl.json(
                        "/api/iot/scans",
                        "-H",
                        "Authorization: Bearer " + scannerKey,
                        "-H",
                        "Idempotency-Key: " + UUID.randomUUID(),
                        "-H",
                        "Content-Type: application/json",
                        "-d",
                        JSON.writeValueAsString(new ScanRequest(School.tag(1), null, null)));
                long answered = System.nanoTime();
                assertThat(scan.get("result").asString()).as(scan.toString()).isEqualTo("checked_in");
                long arrived = stream.until("event: student_checkin", Duration.ofSeconds(5));
                assertThat(Duration.ofNanos(arrived - answered))
                        .as("the scan's event through the proxy, after the scan's answer")
                        .isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            if (proxyProcess != null) {
                proxyProcess.destroy();
                if (!proxyProcess.waitFor(30, TimeUnit.SECONDS)) {
                    proxyProcess.destroyForcibly();
                }
            }
            server.stop();
        }
    }

    /** nginx from the PATH or Debian's place for it; skipped without it, except on CI. */
    private static Path nginx() {
        List<Path> places = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            places.add(Path.of(dir.isEmpty() ? "." : dir, "nginx"));
        }
        places.add(Path.of("/usr/sbin/nginx"));
        for (Path place : places) {
            if (Files.isExecutable(place)) {
                return place;
            }
        }
        String missing = "nginx is not installed (apt-get install nginx): the reverse proxy guide is not checked";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + ", and on CI .ci/run should have installed it");
        }
        Assumptions.assumeTrue(false, missing);
        return null;
    }

    /** A self-signed certificate for the school's name and 127.0.0.1, where the page's block expects it. */
    private void certificate() throws IOException, InterruptedException {
        Result made = run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=" + HOST,
                "-addext",
                "subjectAltName=DNS:" + HOST + ",IP:127.0.0.1",
                "-keyout",
                proxy.resolve("privkey.pem").toString(),
                "-out",
                proxy.resolve("fullchain.pem").toString()));
        assertThat(made.exitCode()).as(made.output()).isZero();
    }

    /** The page's block with the test's ports and certificate, and the wrapper that includes it. */
    private Path configuration(String block, int upstreamPort, int port) throws IOException {
        String site = once(block, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
        site = once(site, "listen 443 ", "listen 127.0.0.1:" + port + " ");
        site = once(
                site,
                "/etc/ssl/roomwatch/fullchain.pem",
                proxy.resolve("fullchain.pem").toString());
        site = once(
                site,
                "/etc/ssl/roomwatch/privkey.pem",
                proxy.resolve("privkey.pem").toString());
        Path sitePath = Files.writeString(proxy.resolve("roomwatch.conf"), site);
        Path temp = Files.createDirectories(proxy.resolve("temp"));
        String wrapper = """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events {
                    worker_connections 64;
                }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    include %3$s;
                }
                """.formatted(proxy, temp, sitePath);
        return Files.writeString(proxy.resolve("nginx.conf"), wrapper);
    }

    /** {@code text} with {@code what} replaced: the page's block must have it exactly once. */
    private static String once(String text, String what, String replacement) {
        assertThat(text.split(Pattern.quote(what), -1))
                .as("'" + what + "' in the page's nginx block")
                .hasSize(2);
        return text.replace(what, replacement);
    }

    private static void awaitListening(int port, Process nginx) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                fail("nginx stopped at start: "
                        + new String(nginx.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("nginx did not listen on " + port + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(command + " did not finish within a minute");
        }
        return new Result(process.exitValue(), output);
    }

    /** curl against the proxy by the school's name, trusting only the test's certificate. */
    private final class Curl {
        private final int port;

        Curl(int port) {
            this.port = port;
        }

        private List<String> command(String path, String... args) {
            List<String> command = new ArrayList<>(List.of(
                    "curl",
                    "-sS",
                    "--cacert",
                    proxy.resolve("fullchain.pem").toString(),
                    "--resolve",
                    HOST + ":" + port + ":127.0.0.1"));
            command.addAll(List.of(args));
            command.add("https://" + HOST + ":" + port + path);
            return command;
        }

        /** A REST call that must succeed (curl {@code -f}); its JSON answer. */
        JsonNode json(String path, String... args) throws IOException, InterruptedException {
            List<String> command = command(path, args);
            command.add(1, "-f");
            Result result = run(command);
            assertThat(result.exitCode()).as(path + ": " + result.output()).isZero();
            return JSON.readTree(result.output());
        }

        /** A streamed response ({@code -N}, headers first), read line by line as it arrives. */
        Stream stream(String path, String... args) throws IOException {
            List<String> command = command(path, args);
            command.addAll(1, List.of("-N", "-D", "-"));
            return new Stream(new ProcessBuilder(command)
                    .redirectError(proxy.resolve("curl-stream.err").toFile())
                    .start());
        }
    }

    /** The lines of a curl that streams, each with the moment it arrived. */
    private static final class Stream implements AutoCloseable {
        private record Line(String text, long arrived) {}

        private static final Line END = new Line(null, 0);

        private final Process curl;
        private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

        Stream(Process curl) {
            this.curl = curl;
            Thread.ofVirtual().name("curl-stream").start(this::read);
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException ended) {
                // curl was stopped
            } finally {
                lines.add(END);
            }
        }

        /** The status line and headers, up to the blank line. */
        List<String> head() throws InterruptedException {
            List<String> head = new ArrayList<>();
            while (true) {
                Line line = next(Duration.ofSeconds(10));
                if (line.text().isBlank()) {
                    return head;
                }
                head.add(line.text().strip());
            }
        }

        /** Skips lines until {@code wanted}; returns when it arrived. */
        long until(String wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Line line = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (line.text().equals(wanted)) {
                    return line.arrived();
                }
            }
        }

        private Line next(Duration timeout) throws InterruptedException {
            Line line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("nothing through the proxy within " + timeout);
            }
            if (line == END) {
                throw new AssertionError("the stream through the proxy ended");
            }
            return line;
        }

        @Override
        public void close() throws InterruptedException {
            curl.destroy();
            curl.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
