package app.roomwatch.server.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's own programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) from the embedded distribution,
 * unpacked once into a folder of the server's data. A shared temporary folder would let any other account on the
 * machine swap the programs the server then runs; the data folder belongs to the server's user alone.
 */
final class PostgresBinaries {

    private static final boolean WINDOWS =
            System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The distribution unpacked below {@code folder}, in a sub-folder named for its content; unpacks it if new. */
    static PostgresBinaries unpackedIn(Path folder) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture())) {
            if (in == null) {
                throw new IllegalStateException("No embedded PostgreSQL for " + operatingSystem() + " " + architecture()
                        + "; configure an external database (spring.datasource.url)");
            }
            archive = in.readAllBytes();
        }
        Path home = folder.resolve("pg-" + digest(archive));
        if (Files.exists(home.resolve(".complete"))) {
            return new PostgresBinaries(home);
        }
        DataFolder.createPrivateDirectories(folder);
        Path partial = Files.createTempDirectory(folder, "unpacking-");
        unpack(archive, partial);
        Files.createFile(partial.resolve(".complete"));
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            DataFolder.deleteRecursively(partial);
        }
        return new PostgresBinaries(home);
    }

    Path program(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }

    /**
     * Runs one of the programs to its end and returns what it printed; throws with that output when it fails.
     *
     * @param stdin what to send to its standard input, or {@code null}
     */
    String run(List<String> arguments, String stdin, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; as root, run it as "nobody" in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(arguments.getFirst()).toString());
        command.addAll(arguments.subList(1, arguments.size()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } else {
                process.getOutputStream().close();
            }
            // Read while it runs, so that a chatty program never blocks on a full pipe.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(arguments.getFirst() + " did not finish within " + timeoutSeconds
                        + " s: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
            }
            String printed = new String(output, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new ProgramFailed(arguments.getFirst(), process.exitValue(), printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + arguments.getFirst(), e);
        }
    }

    /** A PostgreSQL program that ended with a non-zero exit code. */
    static final class ProgramFailed extends IllegalStateException {
        final String output;

        ProgramFailed(String program, int exitCode, String output) {
            super(program + " failed (exit code " + exitCode + "): " + output);
            this.output = output;
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            DataFolder.unpack(tar, into);
        }
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) return "Windows";
        if (name.startsWith("mac")) return "Darwin";
        return "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
