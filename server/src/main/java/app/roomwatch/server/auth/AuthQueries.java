package app.roomwatch.server.auth;

import app.roomwatch.model.api.StaffRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the {@code refresh_token} and {@code server_secret} tables, the control channel's {@code NOTIFY}, and
 * what sign-in reads of {@code staff} (and {@code tenant}) to check a password or a token's standing. {@link
 * SessionControl} imports it, so that it comes along wherever that does (the admin commands build it too).
 */
class AuthQueries {

    /** An enabled account as sign-in sees it. */
    record Account(long id, long tenantId, String displayName, String passwordHash, StaffRole role) {}

    /** A refresh token, found by its hash; {@code spent} when it was used or revoked. */
    record StoredToken(long id, long tenantId, long staffId, UUID familyId, Instant expiresAt, boolean spent) {}

    /** What decides whether an access token still stands. */
    record Standing(boolean enabled, boolean sessionLive, String role) {}

    private final JdbcClient jdbc;

    AuthQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> enabledAccount(String tenantSlug, String username) {
        return jdbc.sql("""
                        SELECT s.id, s.tenant_id, s.display_name, s.password_hash, s.role
                        FROM staff s JOIN tenant t ON t.id = s.tenant_id
                        WHERE t.slug = :tenant AND s.username = :username AND s.enabled
                        """)
                .param("tenant", tenantSlug)
                .param("username", username)
                .query((rs, n) -> account(rs))
                .optional();
    }

    Optional<Account> enabledAccount(long tenantId, long staffId) {
        return jdbc.sql("""
                        SELECT id, tenant_id, display_name, password_hash, role FROM staff
                        WHERE tenant_id = :tenant AND id = :id AND enabled
                        """)
                .param("tenant", tenantId)
                .param("id", staffId)
                .query((rs, n) -> account(rs))
                .optional();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), StaffRole.valueOf(rs.getString(5)));
    }

    Optional<StoredToken> lockToken(byte[] hash) {
        return jdbc.sql("""
                        SELECT id, tenant_id, staff_id, family_id, expires_at,
                               used_at IS NOT NULL OR revoked_at IS NOT NULL
                        FROM refresh_token WHERE token_hash = :hash FOR UPDATE
                        """)
                .param("hash", hash)
                .query((rs, n) -> new StoredToken(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6)))
                .optional();
    }

    void insertToken(long tenantId, long staffId, UUID familyId, byte[] hash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_token (tenant_id, staff_id, family_id, token_hash, issued_at, expires_at)
                        VALUES (:tenant, :staff, :family, :hash, :now, :expires)
                        """)
                .param("tenant", tenantId)
                .param("staff", staffId)
                .param("family", familyId)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    void markUsed(long tokenId, Instant now) {
        jdbc.sql("UPDATE refresh_token SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", tokenId)
                .update();
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("family", familyId)
                .update();
    }

    void revokeAll(long tenantId, long staffId, Instant now) {
        jdbc.sql("""
                        UPDATE refresh_token SET revoked_at = :now
                        WHERE tenant_id = :tenant AND staff_id = :id AND revoked_at IS NULL
                        """)
                .param("now", Timestamp.from(now))
                .param("tenant", tenantId)
                .param("id", staffId)
                .update();
    }

    /** One query on the staff primary key and the refresh-token family index; {@code family} may be null. */
    Optional<Standing> standing(long tenantId, long staffId, UUID family) {
        return jdbc.sql("""
                        SELECT s.enabled, CAST(:family AS uuid) IS NULL OR EXISTS (
                            SELECT 1 FROM refresh_token r
                            WHERE r.family_id = :family AND r.tenant_id = s.tenant_id AND r.staff_id = s.id
                              AND r.revoked_at IS NULL), s.role
                        FROM staff s WHERE s.tenant_id = :tenant AND s.id = :staff
                        """)
                .param("family", family)
                .param("tenant", tenantId)
                .param("staff", staffId)
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }

    /** The stored secret of this name, storing {@code generated} first if there is none (the first one wins). */
    byte[] secret(String name, byte[] generated) {
        jdbc.sql("INSERT INTO server_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", name)
                .param("value", generated)
                .update();
        return jdbc.sql("SELECT value FROM server_secret WHERE name = :name")
                .param("name", name)
                .query(byte[].class)
                .single();
    }

    void notify(String channel, String message) {
        jdbc.sql("SELECT pg_notify(:channel, :message)")
                .param("channel", channel)
                .param("message", message)
                .query((rs, n) -> 1)
                .list();
    }
}
