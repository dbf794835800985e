package app.roomwatch.server.auth;

import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a valid access token into an authentication only while its session lives and its account still has the role
 * the token names: an access token outlives a logout, a disabled account or a changed role by up to its lifetime, and
 * without this check it would still be accepted, with its old rights, until it expires. A console renews a refused
 * token with its refresh token and so gets the new role at once. One query on primary key and the refresh-token
 * family index per request. The stream does its own check at connect
 * (and closes on the {@code roomwatch_control} notice), so its chain does not use this.
 */
final class LiveSessions implements Converter<Jwt, JwtAuthenticationToken> {

    /** Refuses a token whose session or account ended; answered as a 401 problem with this detail. */
    static final class SessionEnded extends AuthenticationException {
        SessionEnded(String detail) {
            super(detail);
        }
    }

    private record State(boolean enabled, boolean sessionLive, String role) {}

    private final JdbcClient jdbc;

    LiveSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        StaffPrincipal staff = StaffPrincipal.of(jwt);
        UUID session = parse(staff.sessionId());
        State state = jdbc.sql("""
                        SELECT s.enabled, EXISTS (
                            SELECT 1 FROM refresh_token r
                            WHERE r.family_id = :family AND r.tenant_id = s.tenant_id AND r.staff_id = s.id
                              AND r.revoked_at IS NULL), s.role
                        FROM staff s WHERE s.tenant_id = :tenant AND s.id = :staff
                        """)
                .param("family", session)
                .param("tenant", staff.tenantId())
                .param("staff", staff.staffId())
                .query((rs, n) -> new State(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)))
                .optional()
                .orElse(new State(false, false, ""));
        if (!state.enabled()) {
            throw new SessionEnded("This account is disabled; ask an admin");
        }
        if (!state.sessionLive()) {
            throw new SessionEnded("This session has ended (signed out or revoked); sign in again");
        }
        if (!state.role().equals(jwt.getClaimAsString(StaffPrincipal.ROLE_CLAIM))) {
            throw new SessionEnded("This account's role has changed; renew the token or sign in again");
        }
        return authentication(jwt);
    }

    /** The authentication of a token without the session check (the stream checks for itself). */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(
                jwt,
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(StaffPrincipal.ROLE_CLAIM))),
                jwt.getSubject());
    }

    private static UUID parse(String sessionId) {
        try {
            // Every token this server signs carries a sid; one without can not be tied to a live session.
            return sessionId == null ? new UUID(0, 0) : UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
