package app.roomwatch.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The server's data folder ({@code roomwatch.data-dir}) as the embedded database lays it out: the cluster in
 * {@code postgres/} (with PostgreSQL's log in {@code postgres/log/}), its passwords in
 * {@code postgres-credentials.properties}, the unpacked programs in {@code postgres-binaries/}, backups in
 * {@code backups/}, and {@code postgres.lock}, held by the one process that runs the cluster. Everything it
 * creates is readable by the server's user alone.
 */
record DataFolder(Path root) {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    DataFolder {
        root = root.toAbsolutePath().normalize();
    }

    Path cluster() {
        return root.resolve("postgres");
    }

    Path credentials() {
        return root.resolve("postgres-credentials.properties");
    }

    Path binaries() {
        return root.resolve("postgres-binaries");
    }

    Path backups() {
        return root.resolve("backups");
    }

    Path postgresLog() {
        return cluster().resolve("log");
    }

    /**
     * Takes the folder for this process, or returns {@code null} when another process (a running server, or an
     * admin command) has it. The lock ends with the process, however it ends.
     */
    FileLock tryLock() throws IOException {
        createPrivateDirectories(root);
        FileChannel channel =
                FileChannel.open(root.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException heldInThisProcess) {
            channel.close();
            return null;
        }
    }

    /** Creates {@code dir} and any missing parents, each new one readable by the owner alone. */
    static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        createPrivateDirectories(absolute.getParent());
        if (POSIX) {
            Files.createDirectory(
                    absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(absolute);
        }
    }

    /** Writes {@code file} whole (never half), readable and writable by the owner alone. */
    static void writePrivateFile(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (POSIX) {
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes an existing file or folder the owner's alone (no-op where the file system has no POSIX modes). */
    static void makePrivate(Path path) throws IOException {
        if (POSIX && Files.exists(path)) {
            Files.setPosixFilePermissions(
                    path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /**
     * Unpacks a tar archive into {@code into}, every folder and file the owner's alone (programs executable by the
     * owner); refuses entries that would land outside it.
     */
    static void unpack(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path target = into.resolve(entry.getName()).normalize();
            if (!target.startsWith(into)) {
                throw new IOException("archive entry outside its folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                createPrivateDirectories(target);
            } else if (entry.isSymbolicLink()) {
                createPrivateDirectories(target.getParent());
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                createPrivateDirectories(target.getParent());
                Files.copy(tar, target);
                makePrivate(target);
                if ((entry.getMode() & 0111) != 0) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
