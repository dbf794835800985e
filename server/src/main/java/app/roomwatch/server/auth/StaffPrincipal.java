package app.roomwatch.server.auth;

import app.roomwatch.model.api.StaffRole;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in staff member behind a request, read from the access token's claims.
 *
 * @param sessionId the refresh-token family of the sign-in (claim {@code sid}); logout ends exactly that session
 * @param expiresAt when the access token expires: streams end then
 */
public record StaffPrincipal(long staffId, long tenantId, StaffRole role, String sessionId, Instant expiresAt) {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLE_CLAIM = "role";
    public static final String SESSION_CLAIM = "sid";

    /**
     * The staff member of an authenticated request.
     *
     * @throws IllegalStateException when the request was not authenticated with a staff access token
     */
    public static StaffPrincipal of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not a staff access token: " + authentication);
        }
        return of(token.getToken());
    }

    static StaffPrincipal of(Jwt jwt) {
        return new StaffPrincipal(
                Long.parseLong(jwt.getSubject()),
                Long.parseLong(jwt.getClaimAsString(TENANT_CLAIM)),
                StaffRole.valueOf(jwt.getClaimAsString(ROLE_CLAIM)),
                jwt.getClaimAsString(SESSION_CLAIM),
                jwt.getExpiresAt());
    }

    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    /** The staff id as it appears in JSON and topics. */
    public String staffKey() {
        return Long.toString(staffId);
    }
}
