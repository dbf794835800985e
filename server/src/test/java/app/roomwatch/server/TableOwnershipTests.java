package app.roomwatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is written by the one feature that owns it (docs/architecture.md lists them): every {@code INSERT},
 * {@code UPDATE} and {@code DELETE} in the server's sources names a table of the package it stands in. Reads may
 * join across features for a view; writes may not.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/app/roomwatch/server");

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM)\\s+([a-z_]+)\\b");

    /** The owner of each table, as docs/architecture.md has it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("tenant", "tenant"),
            Map.entry("staff", "staff"),
            Map.entry("refresh_token", "auth"),
            Map.entry("server_secret", "auth"),
            Map.entry("room", "room"),
            Map.entry("student_group", "group"),
            Map.entry("student_group_lead", "group"),
            Map.entry("student", "student"),
            Map.entry("active_group", "activity"),
            Map.entry("active_group_supervisor", "activity"),
            Map.entry("visit", "visit"),
            Map.entry("device", "device"),
            Map.entry("scan_request", "scan"),
            Map.entry("scheduled_checkout", "automation"),
            Map.entry("notification", "notification"),
            Map.entry("event", "event"),
            Map.entry("stream_instance", "stream"),
            Map.entry("stream_slot", "stream"),
            Map.entry("audit_entry", "audit"),
            Map.entry("rate_limit", "limit"));

    /** Writes outside the owner, each for a reason: the stream prunes the event log it reads (retention). */
    static final Set<String> ALLOWED = Set.of("stream writes event");

    @Test
    void everyTableIsWrittenOnlyByItsOwningFeature() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String feature = SOURCES.relativize(file).getName(0).toString();
                Matcher write = WRITE.matcher(read(file));
                while (write.find()) {
                    writers.computeIfAbsent(write.group(1), table -> new TreeSet<>())
                            .add(feature);
                }
            });
        }

        assertThat(writers).as("tables written in the sources").isNotEmpty().containsKeys("visit", "room", "staff");
        writers.forEach((table, features) -> {
            assertThat(OWNERS).as("the owner of table %s", table).containsKey(table);
            features.stream()
                    .filter(feature -> !feature.equals(OWNERS.get(table)))
                    .forEach(feature -> assertThat(feature + " writes " + table)
                            .as("a write outside the table's owner, %s", OWNERS.get(table))
                            .isIn(ALLOWED));
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
