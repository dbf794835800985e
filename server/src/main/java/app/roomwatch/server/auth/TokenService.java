package app.roomwatch.server.auth;

import app.roomwatch.model.api.StaffSummary;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.staff.StaffLanguages;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Language;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in, refresh and sign-out. A sign-in starts a session (a refresh-token family, the access token's {@code sid});
 * each refresh token is random, stored only as a hash and single use; presenting a used one again means it was
 * copied, so its whole family is revoked.
 */
@Service
class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a refresh: new tokens, or a refusal that must still commit the revocation it caused. */
    sealed interface Refreshed {
        record Issued(TokenResponse tokens) implements Refreshed {}

        record Refused(String detail) implements Refreshed {}
    }

    private final AuthQueries queries;
    private final JwtEncoder encoder;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SessionControl sessions;
    private final StaffLanguages languages;
    private final Clock clock;
    private final RoomwatchProperties.Auth settings;
    private final String dummyHash;

    TokenService(
            AuthQueries queries,
            JwtEncoder encoder,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            SessionControl sessions,
            StaffLanguages languages,
            Clock clock,
            RoomwatchProperties properties) {
        this.queries = queries;
        this.encoder = encoder;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.languages = languages;
        this.clock = clock;
        this.settings = properties.auth();
        // Unknown accounts are checked against this, so that they take as long as a wrong password.
        this.dummyHash = passwords.encode("not a password of anyone " + RANDOM.nextLong());
    }

    /** Not one transaction: the password hash takes a while, and must not hold a pooled connection meanwhile. */
    /** @param language the console's language ({@code Accept-Language}), remembered for what the server raises itself */
    public TokenResponse login(
            String tenant, String username, String password, String clientAddress, Language language) {
        LoginThrottle.Attempt attempt = throttle.begin(tenant, username, clientAddress);
        Optional<AuthQueries.Account> account = queries.enabledAccount(tenant, username);
        boolean matches = passwords.matches(
                password, account.map(AuthQueries.Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            throw ApiException.unauthorized("Tenant, username or password is wrong");
        }
        throttle.succeeded(attempt);
        AuthQueries.Account staff = account.get();
        log.info("Staff {} of tenant {} signed in", staff.id(), staff.tenantId());
        return issue(staff, UUID.randomUUID(), language);
    }

    @Transactional
    public Refreshed refresh(String refreshToken, Language language) {
        Optional<AuthQueries.StoredToken> found = find(refreshToken);
        if (found.isEmpty()) {
            return new Refreshed.Refused("This refresh token is not valid; sign in again");
        }
        AuthQueries.StoredToken token = found.get();
        if (token.spent()) {
            revokeFamily(token.familyId());
            sessions.sessionsEnded(
                    token.tenantId(), token.staffId(), token.familyId().toString(), "refresh_reuse");
            log.warn(
                    "A used refresh token of staff {} (tenant {}) was presented again; its session is revoked",
                    token.staffId(),
                    token.tenantId());
            return new Refreshed.Refused("This refresh token was already used; sign in again");
        }
        if (!token.expiresAt().isAfter(clock.instant())) {
            return new Refreshed.Refused("This refresh token has expired; sign in again");
        }
        Optional<AuthQueries.Account> account = queries.enabledAccount(token.tenantId(), token.staffId());
        if (account.isEmpty()) {
            return new Refreshed.Refused("This account is disabled");
        }
        queries.markUsed(token.id(), clock.instant());
        return new Refreshed.Issued(issue(account.get(), token.familyId(), language));
    }

    /** Ends the session of this refresh token; unknown or already ended tokens are ignored (logout is idempotent). */
    @Transactional
    public void logout(String refreshToken) {
        find(refreshToken).ifPresent(token -> {
            if (revokeFamily(token.familyId()) > 0) {
                sessions.sessionsEnded(
                        token.tenantId(), token.staffId(), token.familyId().toString(), "logout");
                log.info("Staff {} of tenant {} signed out", token.staffId(), token.tenantId());
            }
        });
    }

    private Optional<AuthQueries.StoredToken> find(String refreshToken) {
        return queries.lockToken(sha256(refreshToken));
    }

    private int revokeFamily(UUID familyId) {
        return queries.revokeFamily(familyId, clock.instant());
    }

    private TokenResponse issue(AuthQueries.Account staff, UUID familyId, Language language) {
        languages.remember(staff.tenantId(), staff.id(), language);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(Long.toString(staff.id()))
                .claim(StaffPrincipal.TENANT_CLAIM, Long.toString(staff.tenantId()))
                .claim(StaffPrincipal.ROLE_CLAIM, staff.role().name())
                .claim(StaffPrincipal.SESSION_CLAIM, familyId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
        String accessToken = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        queries.insertToken(
                staff.tenantId(),
                staff.id(),
                familyId,
                sha256(refreshToken),
                now,
                now.plus(settings.refreshTokenTtl()));
        return new TokenResponse(
                accessToken,
                TokenResponse.BEARER,
                settings.accessTokenTtl().toSeconds(),
                refreshToken,
                new StaffSummary(Long.toString(staff.id()), staff.displayName(), staff.role()));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
