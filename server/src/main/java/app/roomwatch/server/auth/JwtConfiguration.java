package app.roomwatch.server.auth;

import app.roomwatch.server.RoomwatchProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * HS256 access tokens, signed and checked by Spring Security's Nimbus encoder and decoder. The secret is
 * {@code roomwatch.auth.jwt-secret} when set; otherwise one is generated once and kept in the database, so that
 * every instance on that database accepts the others' tokens.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final String SECRET_NAME = "jwt-hs256";

    @Bean
    SecretKey jwtSigningKey(RoomwatchProperties properties, AuthQueries queries) {
        String configured = properties.auth().jwtSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("roomwatch.auth.jwt-secret must be at least 32 bytes for HS256");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        // The first instance to get here wins; the others read its secret.
        byte[] stored = queries.secret(SECRET_NAME, generated);
        return new SecretKeySpec(stored, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Expiry on the application's clock (tests advance it); a little skew for instances on other machines.
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(5));
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new StaffClaims()));
        return decoder;
    }
}
