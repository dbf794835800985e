package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 7 from an admin's shell: an empty server becomes a school with the jar's own commands (their refusals:
 * {@code ServerCommandsTests}).
 */
class SchoolFromZeroIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void anEmptyServerBecomesASchoolThatRecordsScansAndWhosePasswordsCanBeReset() throws Exception {
        ServerJar jar = new ServerJar(dataDir, logs);
        School school = new School("oak", "office", "first-password");

        ServerJar.Result created = school.create(jar); // no server running: the command starts the database itself
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created the school 'oak'");

        ServerJar.Running server = jar.start();
        try {
            Api scanner = server.api().bearer(school.furnish(server));
            Api.Response scan = School.scan(scanner, 1);
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            assertThat(scan.json().get("result").asString()).isEqualTo("checked_in");

            TokenResponse session = school.login(server.api(), "first-password").as(TokenResponse.class);
            Api signedIn = server.api().bearer(session.accessToken());
            assertThat(signedIn.get("/api/me").status()).isEqualTo(200);

            // While the server runs, the command uses the server's database.
            ServerJar.Result reset =
                    jar.command("second-password\n", "admin", "reset-password", "--tenant=oak", "--username=office");
            assertThat(reset.exitCode()).as(reset.err()).isZero();
            assertThat(reset.out()).contains("every session of that account has ended");

            assertThat(signedIn.get("/api/me").status()).isEqualTo(401);
            assertThat(server.api()
                            .post("/api/auth/refresh", new RefreshRequest(session.refreshToken()))
                            .status())
                    .isEqualTo(401);
            assertThat(school.login(server.api(), "first-password").status()).isEqualTo(401);
            assertThat(school.login(server.api(), "second-password").status()).isEqualTo(200);

        } finally {
            server.stop();
        }
    }
}
