package app.roomwatch.server.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded cluster, taken while the server runs, and their restore. A backup is PostgreSQL's
 * own base backup ({@code pg_backup_start} … {@code pg_backup_stop}): the cluster's files copied as they are, then
 * the WAL written meanwhile and the backup label; the restore puts them back and PostgreSQL replays that WAL to the
 * moment the backup ended. One {@code .tar.gz} holds it all, with the database passwords, so keep it as private as
 * the data folder.
 */
public final class OnlineBackup {

    private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Folders PostgreSQL rebuilds at start: their names go into a backup, their contents do not. */
    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans",
            "log");

    /** Files of a running cluster that a backup must not carry. */
    private static final Set<String> LEFT_OUT =
            Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "pg_internal.init");

    private OnlineBackup() {}

    /**
     * Backs the running cluster up into a new file {@code roomwatch-<name>-<time>.tar.gz} in {@code folder} and
     * returns it.
     */
    public static Path take(EmbeddedDatabase database, Path folder, String name, Clock clock)
            throws IOException, SQLException {
        DataFolder.createPrivateDirectories(folder);
        String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        Path target = folder.resolve("roomwatch-" + name + "-" + stamp + ".tar.gz");
        Path partial = folder.resolve(target.getFileName() + ".partial");
        DataFolder.writePrivateFile(partial, "");
        Path cluster = database.folder().cluster();
        try (Connection connection = database.superuserConnection();
                OutputStream file = Files.newOutputStream(partial);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            String firstWal = firstRow(connection, "SELECT pg_walfile_name(pg_backup_start(?, true))", target);
            addClusterFiles(tar, cluster);
            String label;
            String tablespaceMap;
            try (Statement sql = connection.createStatement();
                    ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaceMap = stop.getString(2);
            }
            addText(tar, "postgres/backup_label", label);
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                addText(tar, "postgres/tablespace_map", tablespaceMap);
            }
            // Last, the WAL from the backup's start on, including what pg_backup_stop just wrote.
            List<String> wal = addWal(tar, cluster.resolve("pg_wal"));
            if (!wal.contains(firstWal)) {
                throw new IllegalStateException("the WAL segment " + firstWal
                        + " the backup starts from was recycled while it ran; take the backup again");
            }
            addFile(tar, database.folder().credentials(), "postgres-credentials.properties");
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("Backup written to {} ({} bytes)", target, Files.size(target));
        return target;
    }

    /**
     * Puts a backup in place of the cluster in {@code dataDir}, which no process may be running, and starts it once
     * so that PostgreSQL replays the backup's WAL. The cluster and passwords that were there are kept beside it,
     * renamed; their new names are returned.
     */
    public static List<Path> restore(Path archive, Path dataDir, Clock clock) throws IOException {
        DataFolder folder = new DataFolder(dataDir);
        FileLock lock = folder.tryLock();
        if (lock == null) {
            throw new IllegalStateException(
                    "The server (or another admin command) is running on " + folder.root() + "; stop it first");
        }
        List<Path> kept = new ArrayList<>();
        try {
            Path unpacked = Files.createTempDirectory(folder.root(), "restoring-");
            try {
                unpack(archive, unpacked);
            } catch (IOException e) {
                DataFolder.deleteRecursively(unpacked);
                throw new IllegalStateException(archive + " is damaged or not a Roomwatch backup", e);
            }
            if (!Files.exists(unpacked.resolve("postgres/backup_label"))
                    || !Files.exists(unpacked.resolve("postgres-credentials.properties"))) {
                DataFolder.deleteRecursively(unpacked);
                throw new IllegalStateException(archive + " is not a Roomwatch backup");
            }
            String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
            kept.addAll(setAside(folder.cluster(), folder.root().resolve("postgres-before-restore-" + stamp)));
            kept.addAll(setAside(
                    folder.credentials(),
                    folder.root().resolve("postgres-credentials-before-restore-" + stamp + ".properties")));
            Files.move(unpacked.resolve("postgres"), folder.cluster());
            Files.move(unpacked.resolve("postgres-credentials.properties"), folder.credentials());
            DataFolder.deleteRecursively(unpacked);
        } finally {
            lock.release();
            lock.channel().close();
        }
        // Replays the WAL now, so that a broken backup shows here and not at the next server start.
        try (EmbeddedDatabase recovered = EmbeddedDatabase.start(dataDir)) {
            log.info("Restored {} into {}", archive, recovered.dataDir());
        }
        return kept;
    }

    /** Deletes all but the newest {@code keep} backups named {@code roomwatch-<name>-…} in {@code folder}. */
    public static void prune(Path folder, String name, int keep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> old = files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith("roomwatch-" + name + "-") && fileName.endsWith(".tar.gz");
                    })
                    .sorted(Comparator.comparing(OnlineBackup::modified).reversed())
                    .skip(keep)
                    .toList();
            for (Path file : old) {
                Files.delete(file);
            }
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> setAside(Path path, Path newName) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        Files.move(path, newName);
        return List.of(newName);
    }

    private static String firstRow(Connection connection, String query, Path label) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, "roomwatch " + label.getFileName());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void addClusterFiles(TarArchiveOutputStream tar, Path cluster) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(cluster)) {
            paths = walk.filter(path -> !path.equals(cluster)).sorted().toList();
        }
        for (Path path : paths) {
            Path relative = cluster.relativize(path);
            String fileName = relative.getFileName().toString();
            boolean inEmptiedFolder = relative.getNameCount() > 1
                    && EMPTIED.contains(relative.getName(0).toString());
            if (inEmptiedFolder || LEFT_OUT.contains(fileName) || fileName.startsWith("pgsql_tmp")) {
                continue;
            }
            String name = "postgres/" + relative.toString().replace('\\', '/');
            if (Files.isDirectory(path)) {
                tar.putArchiveEntry(new TarArchiveEntry(name + "/"));
                tar.closeArchiveEntry();
            } else {
                addFile(tar, path, name);
            }
        }
        tar.putArchiveEntry(new TarArchiveEntry("postgres/pg_wal/archive_status/"));
        tar.closeArchiveEntry();
    }

    private static List<String> addWal(TarArchiveOutputStream tar, Path walFolder) throws IOException {
        List<String> names = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(walFolder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            if (addFile(tar, file, "postgres/pg_wal/" + file.getFileName())) {
                names.add(file.getFileName().toString());
            }
        }
        return names;
    }

    /**
     * Adds a file as it is now. A file that grows or shrinks meanwhile is cut or padded to the size first seen: the
     * WAL replayed at restore rewrites every page changed during the backup (full page writes are on).
     */
    private static boolean addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException gone) {
            return false; // dropped while the backup ran; the WAL knows
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0600);
        tar.putArchiveEntry(entry);
        long written = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (written < size && (read = in.read(buffer, 0, (int) Math.min(buffer.length, size - written))) > 0) {
                tar.write(buffer, 0, read);
                written += read;
            }
        } catch (NoSuchFileException gone) {
            // written stays short and is padded below
        }
        byte[] zeros = new byte[8192];
        while (written < size) {
            int n = (int) Math.min(zeros.length, size - written);
            tar.write(zeros, 0, n);
            written += n;
        }
        tar.closeArchiveEntry();
        return true;
    }

    private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0600);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void unpack(Path archive, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            DataFolder.unpack(tar, into);
        }
    }
}
