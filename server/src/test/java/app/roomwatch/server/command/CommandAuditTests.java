package app.roomwatch.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the server's command line changes is in the school's audit log, made by nobody signed in. */
class CommandAuditTests extends ServerTest {

    @Test
    void createTenantAndResetPasswordAreAuditedWithoutAnActorOrAPassword() {
        String school = "cmd-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(command(
                        "first-password\n",
                        "admin",
                        "create-tenant",
                        "--tenant=" + school,
                        "--name=Oak School",
                        "--admin=office",
                        "--display-name=Olga Office"))
                .isZero();
        assertThat(command("second-password\n", "admin", "reset-password", "--tenant=" + school, "--username=office"))
                .isZero();

        Api.Response login = api().post("/api/auth/login", new LoginRequest(school, "office", "second-password"));
        assertThat(login.status()).isEqualTo(200);
        Api office = api().bearer(login.json().get("accessToken").asString());
        Api.Response audit = office.get("/api/admin/audit");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json();
        assertThat(entries).hasSize(3);
        // Newest first.
        assertThat(entries.get(0).get("action").asString()).isEqualTo("staff.password_reset");
        assertThat(entries.get(0).get("targetType").asString()).isEqualTo("staff");
        assertThat(entries.get(0).get("targetName").asString()).isEqualTo("Olga Office");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("staff.created");
        assertThat(entries.get(1).get("targetName").asString()).isEqualTo("Olga Office");
        assertThat(entries.get(1).get("details").get("role").asString()).isEqualTo("ADMIN");
        assertThat(entries.get(2).get("action").asString()).isEqualTo("tenant.created");
        assertThat(entries.get(2).get("targetType").asString()).isEqualTo("tenant");
        assertThat(entries.get(2).get("targetName").asString()).isEqualTo("Oak School");
        for (JsonNode entry : entries) {
            assertThat(entry.get("actorId").isNull()).isTrue();
            assertThat(entry.get("actorName").isNull()).isTrue();
        }
        assertThat(audit.body()).doesNotContain("first-password", "second-password", "$2a$");
    }

    private int command(String stdin, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--spring.datasource.url=" + TestDatabase.jdbcUrl();
        all[args.length + 1] = "--spring.datasource.username=postgres";
        all[args.length + 2] = "--spring.datasource.password=";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerCommands(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all);
        assertThat(status).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        return status;
    }
}
