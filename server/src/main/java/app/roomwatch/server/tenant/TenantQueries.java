package app.roomwatch.server.tenant;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of the {@code tenant} table; {@link Tenants} imports it, so that it comes along wherever that does. */
class TenantQueries {

    private final JdbcClient jdbc;

    TenantQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a school; empty when the short name is taken. */
    Optional<Long> insert(String shortName, String name) {
        return jdbc.sql("""
                        INSERT INTO tenant (slug, name) VALUES (:slug, :name)
                        ON CONFLICT (slug) DO NOTHING RETURNING id
                        """)
                .param("slug", shortName)
                .param("name", name)
                .query(Long.class)
                .optional();
    }

    Optional<Long> find(String shortName) {
        return jdbc.sql("SELECT id FROM tenant WHERE slug = :slug")
                .param("slug", shortName)
                .query(Long.class)
                .optional();
    }

    String shortName(long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = :id")
                .param("id", tenantId)
                .query(String.class)
                .single();
    }
}
