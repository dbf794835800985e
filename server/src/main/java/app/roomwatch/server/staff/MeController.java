package app.roomwatch.server.staff;

import app.roomwatch.model.api.Me;
import app.roomwatch.server.auth.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in and which running activities they supervise. */
@RestController
class MeController {

    private final StaffProfiles profiles;

    MeController(StaffProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        return profiles.me(StaffPrincipal.of(authentication));
    }
}
