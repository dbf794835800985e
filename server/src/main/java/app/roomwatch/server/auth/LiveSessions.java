package app.roomwatch.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a valid access token into an authentication only while it still stands ({@link TokenStanding}): its session
 * lives, its account is enabled and still has the role the token names. A console renews a token refused for its role
 * with its refresh token and so gets the new role at once. The stream does its own check at connect (and closes on
 * the {@code roomwatch_control} notice), so its chain does not use this.
 */
final class LiveSessions implements Converter<Jwt, JwtAuthenticationToken> {

    /** Refuses a token that no longer stands; answered as a 401 problem with this detail. */
    static final class SessionEnded extends AuthenticationException {
        SessionEnded(String detail) {
            super(detail);
        }
    }

    private final TokenStanding standing;

    LiveSessions(TokenStanding standing) {
        this.standing = standing;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        StaffPrincipal staff = StaffPrincipal.of(jwt);
        // StaffClaims let only tokens with a well-formed sid through.
        Optional<TokenStanding.Lapse> lapse = standing.lapse(staff, Optional.of(UUID.fromString(staff.sessionId())));
        if (lapse.isPresent()) {
            throw new SessionEnded(
                    switch (lapse.get()) {
                        case DISABLED -> "This account is disabled; ask an admin";
                        case SESSION_ENDED -> "This session has ended (signed out or revoked); sign in again";
                        case ROLE_CHANGED -> "This account's role has changed; renew the token or sign in again";
                    });
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
}
