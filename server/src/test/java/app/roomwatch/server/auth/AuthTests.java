package app.roomwatch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestDatabase;
import app.roomwatch.server.testing.TestTenants;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuthTests extends ServerTest {

    @Autowired
    JwtDecoder decoder;

    @Autowired
    JwtEncoder encoder;

    @Test
    void loginAnswersSignedTokensWithTheClaimsTheStreamReadsFromIt() {
        TestTenant tenant = tenants.create();
        TokenResponse tokens = login(tenant, "sup1");

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(tokens.staff().id()).isEqualTo(tenant.sup1Id());
        assertThat(tokens.staff().role()).isEqualTo(StaffRole.SUPERVISOR);
        Jwt jwt = decoder.decode(tokens.accessToken());
        assertThat(jwt.getSubject()).isEqualTo(tenant.sup1Id());
        assertThat(jwt.getClaimAsString("tenant")).isEqualTo(Long.toString(tenant.id()));
        assertThat(jwt.getClaimAsString("role")).isEqualTo("SUPERVISOR");
        assertThat(jwt.getClaimAsString("sid")).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        TestTenant tenant = tenants.create();
        Api.Response wrongPassword =
                api().post("/api/auth/login", new LoginRequest(tenant.slug(), "sup1", "wrong-password"));
        Api.Response unknownUser =
                api().post("/api/auth/login", new LoginRequest(tenant.slug(), "nobody", TestTenants.PASSWORD));
        Api.Response unknownTenant =
                api().post("/api/auth/login", new LoginRequest("no-such-school", "sup1", TestTenants.PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownTenant.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void repeatedWrongPasswordsAreThrottledUntilTheLockoutPasses() {
        TestTenant tenant = tenants.create();
        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/auth/login", new LoginRequest(tenant.slug(), "sup2", "nope"))
                            .status())
                    .isEqualTo(401);
        }
        Api.Response throttled =
                api().post("/api/auth/login", new LoginRequest(tenant.slug(), "sup2", TestTenants.PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("60");
        assertThat(throttled.json().get("detail").asString()).contains("Too many wrong passwords");
        // Other accounts are not affected.
        assertThat(login(tenant, "sup1").accessToken()).isNotBlank();

        clock.advance(Duration.ofSeconds(61));
        assertThat(login(tenant, "sup2").accessToken()).isNotBlank();
    }

    @Test
    void refreshRotatesTheTokenAndAReusedOneRevokesTheWholeSession() {
        TestTenant tenant = tenants.create();
        TokenResponse first = login(tenant, "sup1");

        Api.Response refreshed = api().post("/api/auth/refresh", new RefreshRequest(first.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        TokenResponse second = refreshed.as(TokenResponse.class);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(decoder.decode(second.accessToken()).getClaimAsString("sid"))
                .isEqualTo(decoder.decode(first.accessToken()).getClaimAsString("sid"));

        Api.Response reused = api().post("/api/auth/refresh", new RefreshRequest(first.refreshToken()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("detail").asString()).contains("already used");
        // The thief's use revoked the rightful holder's newer token too.
        assertThat(api().post("/api/auth/refresh", new RefreshRequest(second.refreshToken()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anExpiredRefreshTokenNoLongerRefreshes() {
        TestTenant tenant = tenants.create();
        TokenResponse tokens = login(tenant, "sup1");
        // Expired in the database rather than by moving the shared clock a month, which other tests would feel.
        jdbc.sql("UPDATE refresh_token SET expires_at = :now WHERE staff_id = :staff")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("staff", Long.parseLong(tenant.sup1Id()))
                .update();
        Api.Response refreshed = api().post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.json().get("detail").asString()).contains("expired");
    }

    @Test
    void logoutEndsTheSessionAndTellsEveryInstance() throws Exception {
        TestTenant tenant = tenants.create();
        TokenResponse tokens = login(tenant, "sup1");
        String sid = decoder.decode(tokens.accessToken()).getClaimAsString("sid");
        try (Connection listener = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + SessionControl.CHANNEL);

            Api.Response logout = api().post("/api/auth/logout", new RefreshRequest(tokens.refreshToken()));
            assertThat(logout.status()).isEqualTo(204);

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(notifications).hasSize(1);
            JsonNode message = JsonMapper.builder().build().readTree(notifications[0].getParameter());
            assertThat(message.get("type").asString()).isEqualTo("sessions_ended");
            assertThat(message.get("tenantId").asString()).isEqualTo(Long.toString(tenant.id()));
            assertThat(message.get("staffId").asString()).isEqualTo(tenant.sup1Id());
            assertThat(message.get("sessionId").asString()).isEqualTo(sid);
            assertThat(message.get("reason").asString()).isEqualTo("logout");
        }
        assertThat(api().post("/api/auth/refresh", new RefreshRequest(tokens.refreshToken()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void requestsWithoutOrWithABadTokenGetAProblem() {
        Api.Response none = api().get("/api/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("Bearer");

        Api.Response forged =
                api().bearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm9wZQ").get("/api/me");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void accessTokensExpireOnTheApplicationClock() {
        TestTenant tenant = tenants.create();
        TokenResponse tokens = login(tenant, "admin");
        clock.advance(Duration.ofMinutes(16));
        assertThat(api().bearer(tokens.accessToken()).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void validlySignedTokensWithMissingOrMalformedClaimsAreRefused() {
        TestTenant tenant = tenants.create();
        String staff = tenant.sup1Id();
        String sid = UUID.randomUUID().toString();
        Map<String, Consumer<JwtClaimsSet.Builder>> breakages = new java.util.LinkedHashMap<>();
        breakages.put("no exp", claims -> claims.claims(all -> all.remove("exp")));
        breakages.put("no sid", claims -> claims.claims(all -> all.remove(StaffPrincipal.SESSION_CLAIM)));
        breakages.put("sid not a UUID", claims -> claims.claim(StaffPrincipal.SESSION_CLAIM, "abc"));
        breakages.put("no tenant", claims -> claims.claims(all -> all.remove(StaffPrincipal.TENANT_CLAIM)));
        breakages.put("tenant not a number", claims -> claims.claim(StaffPrincipal.TENANT_CLAIM, "demo"));
        breakages.put("tenant as a JSON number", claims -> claims.claim(StaffPrincipal.TENANT_CLAIM, tenant.id()));
        breakages.put(
                "tenant with a leading zero", claims -> claims.claim(StaffPrincipal.TENANT_CLAIM, "0" + tenant.id()));
        breakages.put("no role", claims -> claims.claims(all -> all.remove(StaffPrincipal.ROLE_CLAIM)));
        breakages.put("unknown role", claims -> claims.claim(StaffPrincipal.ROLE_CLAIM, "KING"));
        breakages.put("subject not a number", claims -> claims.subject("anna"));
        breakages.put("no subject", claims -> claims.claims(all -> all.remove("sub")));

        for (var breakage : breakages.entrySet()) {
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .subject(staff)
                    .claim(StaffPrincipal.TENANT_CLAIM, Long.toString(tenant.id()))
                    .claim(StaffPrincipal.ROLE_CLAIM, "SUPERVISOR")
                    .claim(StaffPrincipal.SESSION_CLAIM, sid)
                    .issuedAt(clock.instant())
                    .expiresAt(clock.instant().plus(Duration.ofMinutes(5)));
            breakage.getValue().accept(claims);
            String token = encoder.encode(JwtEncoderParameters.from(
                            JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                    .getTokenValue();
            for (String path : new String[] {"/api/me", "/api/events", "/api/sse/events"}) {
                Api.Response answer = api().bearer(token).get(path);
                assertThat(answer.status())
                        .as(breakage.getKey() + " on " + path)
                        .isEqualTo(401);
                assertThat(answer.header("Content-Type"))
                        .as(breakage.getKey() + " on " + path)
                        .startsWith("application/problem+json");
            }
        }
    }
}
