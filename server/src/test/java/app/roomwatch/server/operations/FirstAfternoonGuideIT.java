package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Step 4 of docs/installing.md's "A school's first afternoon", run as an admin's shell runs it: the guide's own
 * {@code children.csv} and {@code sh} blocks, taken from the page, against the packaged jar. Only the server's
 * address and the passwords ({@code …}) differ. If the page's commands stop working, this test fails.
 */
class FirstAfternoonGuideIT {

    private static final String PASSWORD = "a-long-first-password";

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @TempDir
    Path shell;

    @Test
    void theGuidesStepFourFurnishesTheSchoolAndItsScannerWorks() throws Exception {
        Step step = Step.four();
        ServerJar jar = new ServerJar(dataDir, logs);
        School school = new School("oak", "office", PASSWORD);
        ServerJar.Result created = school.create(jar);
        assertThat(created.exitCode()).as(created.err()).isZero();

        ServerJar.Running server = jar.start();
        try {
            Files.writeString(shell.resolve("children.csv"), step.csv());
            String script = step.shell()
                    .replaceFirst("(?m)^S=.*$", "S=http://127.0.0.1:" + server.port())
                    .replace("…", PASSWORD);
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(shell.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.exitValue()).as(output).isZero();

            // The preview names the three children and refuses none; the import then adds them.
            assertThat(output).contains("\"Mia\"", "\"Noah\"", "\"Lea\"").contains("\"added\": 3", "\"refused\": 0");
            Matcher key =
                    Pattern.compile("scanner \\(shown only now\\): (\\S+)").matcher(output);
            assertThat(key.find()).as(output).isTrue();

            Api anna = signedIn(server.api(), "anna");
            JsonNode children = anna.get("/api/students?query=").json();
            assertThat(children).as("the children anna can find").hasSize(3);
            JsonNode room = signedIn(server.api(), "office")
                    .get("/api/admin/rooms")
                    .json()
                    .get(0);
            assertThat(room.get("name").asString()).isEqualTo("Gym");

            // Step 6: anna starts an activity in the Gym, and Mia's tag at the door checks her in.
            String annaId = anna.get("/api/me").json().get("id").asString();
            Api.Response started = anna.post(
                    "/api/active/groups",
                    new StartActivityRequest("Football", room.get("id").asString(), null, List.of(annaId)));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            Api.Response scan = server.api()
                    .bearer(key.group(1))
                    .header("Idempotency-Key", "first-scan")
                    .post("/api/iot/scans", new ScanRequest("04A1B2C3", null, null));
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            assertThat(scan.json().get("studentName").asString()).isEqualTo("Mia K.");
        } finally {
            server.stop();
        }
    }

    private static Api signedIn(Api api, String username) {
        Api.Response login = api.post("/api/auth/login", new LoginRequest("oak", username, PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return api.bearer(login.as(TokenResponse.class).accessToken());
    }

    /** The fenced blocks of step 4 of the guide. */
    private record Step(String csv, String shell) {

        static Step four() throws IOException {
            String guide = InstallingGuide.part("## A school's first afternoon", "\n## ");
            List<InstallingGuide.Block> blocks =
                    InstallingGuide.blocks(guide.substring(guide.indexOf("\n4. "), guide.indexOf("\n5. ")));
            assertThat(blocks)
                    .as("step 4's blocks")
                    .extracting(InstallingGuide.Block::language)
                    .containsExactly("csv", "sh");
            return new Step(blocks.get(0).text(), blocks.get(1).text());
        }
    }
}
