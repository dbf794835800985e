package app.roomwatch.server.stream;

import app.roomwatch.model.api.StaffRole;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database says about a staff member opening a stream: whether they may still stream at all, and the
 * running active groups they supervise (the group part of their scope).
 */
@Component
class SupervisedGroups {

    /** Why a still-valid access token may not open a stream. */
    enum Refusal {
        DISABLED,
        SESSION_ENDED,
        ROLE_CHANGED
    }

    private final JdbcClient jdbc;

    SupervisedGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> of(long tenantId, long staffId) {
        return Set.copyOf(jdbc.sql("""
                        SELECT s.active_group_id::text
                        FROM active_group_supervisor s
                        JOIN active_group g ON g.tenant_id = s.tenant_id AND g.id = s.active_group_id
                        WHERE s.tenant_id = :tenant AND s.staff_id = :staff AND g.ended_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("staff", staffId)
                .query(String.class)
                .list());
    }

    /**
     * An access token outlives a logout, a disabled account or a changed role by up to its lifetime; open streams are
     * closed at that moment, and this keeps such a token from opening new ones.
     */
    Optional<Refusal> refusal(long tenantId, long staffId, String sessionId, StaffRole tokenRole) {
        record Account(boolean enabled, String role) {}
        Account account = jdbc.sql("SELECT enabled, role FROM staff WHERE tenant_id = :tenant AND id = :staff")
                .param("tenant", tenantId)
                .param("staff", staffId)
                .query((rs, n) -> new Account(rs.getBoolean(1), rs.getString(2)))
                .optional()
                .orElse(new Account(false, ""));
        if (!account.enabled()) {
            return Optional.of(Refusal.DISABLED);
        }
        if (!account.role().equals(tokenRole.name())) {
            return Optional.of(Refusal.ROLE_CHANGED);
        }
        UUID session = parse(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        boolean live = jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = :family AND revoked_at IS NULL)")
                .param("family", session)
                .query(Boolean.class)
                .single();
        return live ? Optional.empty() : Optional.of(Refusal.SESSION_ENDED);
    }

    private static UUID parse(String sessionId) {
        try {
            return sessionId == null ? null : UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
