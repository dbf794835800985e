package app.roomwatch.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL (real binaries) per test JVM, shared by every Spring test context and every test class,
 * started on first use with its data in a temporary folder.
 *
 * <p>Use it in a Spring test like this (or extend {@link ServerTest}, which does it for you):
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     TestDatabase.register(registry);
 * }
 * }</pre>
 *
 * Tests that need plain JDBC without Spring can call {@link #jdbcUrl()}. The database is shared: create your own
 * tenant ({@link TestTenants}) instead of assuming empty tables.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    /** Points {@code spring.datasource.*} at the shared embedded PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("roomwatch-test-pg"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
