package app.roomwatch.server.auth;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.server.web.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts only access tokens shaped as this server signs them: {@code exp}, a staff id as {@code sub}, a tenant id, a
 * known role and a session id. A validly signed token missing any of them (an old format, a key shared by mistake)
 * is refused with 401 instead of failing later as a server error or outliving every session check.
 */
final class StaffClaims implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> wrong = new ArrayList<>();
        if (jwt.getExpiresAt() == null) {
            wrong.add("exp");
        }
        if (Ids.canonical(jwt.getSubject()).isEmpty()) {
            wrong.add("sub");
        }
        if (Ids.canonical(text(jwt, StaffPrincipal.TENANT_CLAIM)).isEmpty()) {
            wrong.add(StaffPrincipal.TENANT_CLAIM);
        }
        if (!isRole(text(jwt, StaffPrincipal.ROLE_CLAIM))) {
            wrong.add(StaffPrincipal.ROLE_CLAIM);
        }
        if (!isUuid(text(jwt, StaffPrincipal.SESSION_CLAIM))) {
            wrong.add(StaffPrincipal.SESSION_CLAIM);
        }
        if (wrong.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_TOKEN, "The access token lacks or has malformed claims: " + wrong, null));
    }

    /** A claim's value when it is a JSON string; any other JSON type is malformed here. */
    private static String text(Jwt jwt, String claim) {
        return jwt.getClaims().get(claim) instanceof String value ? value : null;
    }

    private static boolean isRole(String role) {
        for (StaffRole known : StaffRole.values()) {
            if (known.name().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUuid(String sessionId) {
        if (sessionId == null || sessionId.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(sessionId).toString().equals(sessionId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
