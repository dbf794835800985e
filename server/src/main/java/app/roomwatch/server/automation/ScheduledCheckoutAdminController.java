package app.roomwatch.server.automation;

import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins plan checkouts (a child picked up at 15:30, say); the automatic work executes them when due. */
@RestController
@RequestMapping("/api/admin/scheduled-checkouts")
class ScheduledCheckoutAdminController {

    private final ScheduledCheckouts checkouts;

    ScheduledCheckoutAdminController(ScheduledCheckouts checkouts) {
        this.checkouts = checkouts;
    }

    @GetMapping
    List<ScheduledCheckoutRecord> list(Authentication authentication) {
        return checkouts.list(StaffPrincipal.of(authentication).tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ScheduledCheckoutRecord plan(Authentication authentication, @RequestBody ScheduledCheckoutRequest request) {
        return checkouts.plan(StaffPrincipal.of(authentication), request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(Authentication authentication, @PathVariable String id) {
        checkouts.cancel(StaffPrincipal.of(authentication), id);
    }
}
