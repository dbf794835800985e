package app.roomwatch.server.staff;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.server.database.Rows;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the {@code staff} table (sign-in reads it too, in the auth feature's token queries). {@link
 * StaffAccounts} imports it, so that it comes along wherever that does.
 */
class StaffQueries {

    /** An account's enabled flag and role as they were before a change. */
    record Standing(boolean enabled, String role, String username, String displayName) {}

    /** What {@code /api/me} shows of an enabled account. */
    record Profile(String displayName, StaffRole role) {}

    private final JdbcClient jdbc;

    StaffQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StaffAccount> list(long tenant) {
        return jdbc.sql("""
                        SELECT id, username, display_name, role, enabled FROM staff
                        WHERE tenant_id = :tenant ORDER BY display_name, id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new StaffAccount(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)),
                        rs.getBoolean(5)))
                .list();
    }

    /** Inserts an account; empty when the username is taken in the tenant. */
    Optional<Long> insert(
            long tenant, String username, String displayName, String passwordHash, StaffRole role, boolean enabled) {
        return jdbc.sql("""
                        INSERT INTO staff (tenant_id, username, display_name, password_hash, role, enabled)
                        VALUES (:tenant, :username, :display, :hash, :role, :enabled)
                        ON CONFLICT (tenant_id, username) DO NOTHING RETURNING id
                        """)
                .param("tenant", tenant)
                .param("username", username)
                .param("display", displayName)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("enabled", enabled)
                .query(Long.class)
                .optional();
    }

    Optional<Standing> lock(long tenant, long id) {
        return jdbc.sql("""
                        SELECT enabled, role, username, display_name FROM staff
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Changes an account; a {@code null} password hash keeps the password. */
    void update(
            long tenant,
            long id,
            String username,
            String displayName,
            StaffRole role,
            boolean enabled,
            String passwordHash) {
        jdbc.sql("""
                        UPDATE staff SET username = :username, display_name = :display, role = :role,
                               enabled = :enabled, password_hash = coalesce(:hash, password_hash)
                        WHERE tenant_id = :tenant AND id = :id
                        """)
                .param("username", username)
                .param("display", displayName)
                .param("role", role.name())
                .param("enabled", enabled)
                .param("hash", passwordHash)
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }

    Optional<Long> setPassword(long tenant, String username, String passwordHash) {
        return jdbc.sql("""
                        UPDATE staff SET password_hash = :hash WHERE tenant_id = :tenant AND username = :username
                        RETURNING id
                        """)
                .param("hash", passwordHash)
                .param("tenant", tenant)
                .param("username", username)
                .query(Long.class)
                .optional();
    }

    boolean usernameTaken(long tenant, String username, long exceptId) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM staff WHERE tenant_id = :tenant AND username = :username"
                        + " AND id <> :except")
                .param("tenant", tenant)
                .param("username", username)
                .param("except", exceptId));
    }

    boolean enabled(long tenant, long id) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM staff WHERE tenant_id = :tenant AND id = :id AND enabled")
                .param("tenant", tenant)
                .param("id", id));
    }

    Optional<Profile> profile(long tenant, long id) {
        return jdbc.sql("SELECT display_name, role FROM staff WHERE tenant_id = :tenant AND id = :id AND enabled")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new Profile(rs.getString(1), StaffRole.valueOf(rs.getString(2))))
                .optional();
    }

    String displayName(long tenant, long id) {
        return jdbc.sql("SELECT display_name FROM staff WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .single();
    }

    List<Long> enabledIds(long tenant) {
        return jdbc.sql("SELECT id FROM staff WHERE tenant_id = :tenant AND enabled ORDER BY id")
                .param("tenant", tenant)
                .query(Long.class)
                .list();
    }

    List<Long> adminIds(long tenant) {
        return jdbc.sql("SELECT id FROM staff WHERE tenant_id = :tenant AND role = 'ADMIN' AND enabled ORDER BY id")
                .param("tenant", tenant)
                .query(Long.class)
                .list();
    }

    /** Stores the staff member's language ({@code en}, {@code de}); the same language again writes nothing. */
    void rememberLanguage(long tenant, long staffId, String language) {
        jdbc.sql("""
                        UPDATE staff SET language = :language
                        WHERE tenant_id = :tenant AND id = :id AND language <> :language
                        """)
                .param("language", language)
                .param("tenant", tenant)
                .param("id", staffId)
                .update();
    }

    /** The stored language of each of {@code staffIds}. */
    Map<Long, String> languages(long tenant, Collection<Long> staffIds) {
        Map<Long, String> languages = new HashMap<>();
        if (!staffIds.isEmpty()) {
            jdbc.sql("SELECT id, language FROM staff WHERE tenant_id = :tenant AND id IN (:ids)")
                    .param("tenant", tenant)
                    .param("ids", staffIds)
                    .query((rs, n) -> languages.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return languages;
    }
}
