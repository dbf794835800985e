package app.roomwatch.server.auth;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a valid access token still speaks for its account: an access token outlives a logout, a disabled account
 * or a changed role by up to its lifetime. REST requests ({@link LiveSessions}) ask on every call, the stream when it
 * connects; one query on the staff primary key and the refresh-token family index.
 */
@Component
public class TokenStanding {

    /** Why a token no longer stands, in the order they are checked. */
    public enum Lapse {
        DISABLED,
        SESSION_ENDED,
        ROLE_CHANGED
    }

    private final JdbcClient jdbc;

    TokenStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param session the token's session (its refresh-token family); empty to check the account only
     * @return why the token no longer stands, or empty while it does
     */
    public Optional<Lapse> lapse(StaffPrincipal staff, Optional<UUID> session) {
        record State(boolean enabled, boolean sessionLive, String role) {}
        State state = jdbc.sql("""
                        SELECT s.enabled, CAST(:family AS uuid) IS NULL OR EXISTS (
                            SELECT 1 FROM refresh_token r
                            WHERE r.family_id = :family AND r.tenant_id = s.tenant_id AND r.staff_id = s.id
                              AND r.revoked_at IS NULL), s.role
                        FROM staff s WHERE s.tenant_id = :tenant AND s.id = :staff
                        """)
                .param("family", session.orElse(null))
                .param("tenant", staff.tenantId())
                .param("staff", staff.staffId())
                .query((rs, n) -> new State(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)))
                .optional()
                .orElse(new State(false, false, ""));
        if (!state.enabled()) {
            return Optional.of(Lapse.DISABLED);
        }
        if (!state.sessionLive()) {
            return Optional.of(Lapse.SESSION_ENDED);
        }
        if (!state.role().equals(staff.role().name())) {
            return Optional.of(Lapse.ROLE_CHANGED);
        }
        return Optional.empty();
    }
}
