package app.roomwatch.server.auth;

import app.roomwatch.server.web.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    @Bean
    @Order(1)
    SecurityFilterChain deviceChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/iot/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/version")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource.jwt(jwt ->
                                jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(
                                        token,
                                        List.of(new SimpleGrantedAuthority(
                                                "ROLE_" + token.getClaimAsString(StaffPrincipal.ROLE_CLAIM))),
                                        token.getSubject())))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "Sign in first: send 'Authorization: Bearer <accessToken>' with a valid,"
                                            + " unexpired access token");
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
                                problems.write(response, HttpStatus.FORBIDDEN, "Your role may not do this")))
                .build();
    }
}
