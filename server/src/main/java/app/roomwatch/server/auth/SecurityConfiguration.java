package app.roomwatch.server.auth;

import app.roomwatch.server.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Staff carry a Bearer access token (checked by the OAuth2 resource server); scanners carry their
 * API key on {@code /api/iot/**}, checked by the scan feature itself, so that chain does not try to read it as a JWT.
 * Refusals are problem documents like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The scanners' chain: the scan feature checks the key itself, so this one only writes the security headers.
     * No authorization, anonymous user, request cache, logout or security context: each of those filters ran for
     * every scan and decided nothing here, on the path SPEC 8 wants to take 2,000 scans a second.
     */
    @Bean
    @Order(1)
    SecurityFilterChain deviceChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/iot/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .securityContext(context -> context.disable())
                .build();
    }

    /**
     * The stream checks session and account itself when it connects and closes on the {@code roomwatch_control}
     * notice, so it is spared the per-request database check of {@link LiveSessions}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain streamChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/sse/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return staffResource(http, problems, LiveSessions::authentication).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffChain(HttpSecurity http, ProblemWriter problems, TokenStanding standing) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/version")
                .permitAll()
                // The OpenAPI document describes the API, not a tenant's data: scanner vendors read it unsigned.
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                // On the management port, which listens on 127.0.0.1 unless the admin says otherwise; /livez and
                // /readyz are the health probes an admin may add to the API port for a load balancer.
                .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/livez", "/readyz")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers("/api/admin/**")
                .hasRole("ADMIN")
                .anyRequest()
                .authenticated());
        return staffResource(http, problems, new LiveSessions(standing)).build();
    }

    private static HttpSecurity staffResource(
            HttpSecurity http, ProblemWriter problems, Converter<Jwt, JwtAuthenticationToken> authentication)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    e instanceof LiveSessions.SessionEnded
                                            ? e.getMessage()
                                            : "Sign in first: send 'Authorization: Bearer <accessToken>' with a"
                                                    + " valid, unexpired access token");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Your role may not do this")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "Sign in first: send 'Authorization: Bearer <accessToken>'");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Your role may not do this")));
    }
}
