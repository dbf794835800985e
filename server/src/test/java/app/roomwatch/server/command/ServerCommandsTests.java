package app.roomwatch.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands' refusals: one sentence, a non-zero status, nothing changed. */
class ServerCommandsTests {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void refusalsSaySoInOneSentenceAndChangeNothing() {
        assertThat(run("first-password\n", "admin", "create-tenant", "--tenant=oak", "--name=Oak", "--admin=office"))
                .as(err::toString)
                .isZero();

        assertThat(run("first-password\n", "admin", "create-tenant", "--tenant=oak", "--name=Oak", "--admin=office"))
                .isEqualTo(1);
        assertThat(lastError()).isEqualTo("There is already a school 'oak' on this server.");

        assertThat(run("short\n", "admin", "create-tenant", "--tenant=elm", "--name=Elm", "--admin=office"))
                .isEqualTo(1);
        assertThat(lastError()).isEqualTo("The password is too short: use at least 8 characters.");

        assertThat(run(
                        "another-password\n",
                        "admin",
                        "create-tenant",
                        "--tenant=Elm School",
                        "--name=Elm",
                        "--admin=x"))
                .isEqualTo(1);
        assertThat(lastError()).startsWith("A school's short name has 1 to 40 lower-case letters");

        assertThat(run("another-password\n", "admin", "reset-password", "--tenant=oak", "--username=nobody"))
                .isEqualTo(1);
        assertThat(lastError()).isEqualTo("There is no staff member 'nobody'.");

        assertThat(run("another-password\n", "admin", "reset-password", "--tenant=pine", "--username=office"))
                .isEqualTo(1);
        assertThat(lastError()).isEqualTo("There is no school 'pine' on this server.");

        assertThat(run("", "admin", "reset-password", "--tenant=oak", "--username=office"))
                .isEqualTo(1);
        assertThat(lastError()).startsWith("No password on standard input");

        assertThat(run("", "admin", "create-school")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown command 'admin create-school'.")
                .contains("Usage:");

        assertThat(run("", "admin", "create-tenant", "--tenant=elm")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name=… is missing.");

        assertThat(run("", "restore", "--from=" + dataDir.resolve("nothing.tar.gz")))
                .isEqualTo(1);
        assertThat(lastError()).startsWith("There is no backup file");

        assertThat(run("", "backup", "--spring.datasource.url=jdbc:postgresql://db.example/roomwatch"))
                .isEqualTo(1);
        assertThat(lastError()).contains("external PostgreSQL").contains("pg_basebackup");
    }

    private int run(String stdin, String... args) {
        err.reset();
        String[] withDataDir = Arrays.copyOf(args, args.length + 1);
        withDataDir[args.length] = "--roomwatch.data-dir=" + dataDir;
        return new ServerCommands(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(withDataDir);
    }

    private String lastError() {
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }
}
