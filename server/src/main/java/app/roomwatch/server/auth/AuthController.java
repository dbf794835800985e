package app.roomwatch.server.auth;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/auth}: sign in, refresh, sign out (SPEC section 4). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final TokenService tokens;

    AuthController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/login")
    TokenResponse login(@RequestBody LoginRequest request, HttpServletRequest http, Locale locale) {
        return tokens.login(
                request.tenant(), request.username(), request.password(), http.getRemoteAddr(), Language.of(locale));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request, Locale locale) {
        return switch (tokens.refresh(request.refreshToken(), Language.of(locale))) {
            case TokenService.Refreshed.Issued issued -> issued.tokens();
            case TokenService.Refreshed.Refused refused -> throw ApiException.unauthorized(refused.detail());
        };
    }

    /** The refresh token itself proves whose session this is, so an expired access token does not block sign-out. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest request) {
        tokens.logout(request.refreshToken());
    }
}
