package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the programs the bundles are made of, as an admin's shell would, with a deadline. */
final class Commands {

    /** A finished command: its exit code and everything it printed, stdout and stderr together. */
    record Finished(int exitCode, String output) {}

    private Commands() {}

    static Finished run(Duration deadline, Map<String, String> environment, String... command) {
        return runWithInput(deadline, environment, "", command);
    }

    /** Runs the command with {@code input} on its standard input, which is then closed. */
    static Finished runWithInput(Duration deadline, Map<String, String> environment, String input, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Path log = Files.createTempFile("roomwatch-command", ".log");
            try {
                builder.redirectOutput(log.toFile());
                Process process = builder.start();
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    fail("%s did not finish within %s; it printed:%n%s", List.of(command), deadline, read(log));
                }
                return new Finished(process.exitValue(), read(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + List.of(command), e);
        }
    }

    static Finished run(Duration deadline, String... command) {
        return run(deadline, Map.of(), command);
    }

    static boolean exists(String program) {
        return run(Duration.ofSeconds(10), "sh", "-c", "command -v " + program).exitCode() == 0;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
