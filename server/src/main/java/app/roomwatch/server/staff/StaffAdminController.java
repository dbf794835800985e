package app.roomwatch.server.staff;

import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage staff accounts; disabling one ends all of its sessions and streams at once. */
@RestController
@RequestMapping("/api/admin/staff")
class StaffAdminController {

    private final StaffAccounts accounts;

    StaffAdminController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<StaffAccount> list(Authentication authentication) {
        return accounts.list(StaffPrincipal.of(authentication).tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccount create(Authentication authentication, @RequestBody StaffAccountRequest request) {
        return accounts.create(StaffPrincipal.of(authentication), request);
    }

    @PutMapping("/{id}")
    StaffAccount update(
            Authentication authentication, @PathVariable String id, @RequestBody StaffAccountRequest request) {
        return accounts.update(StaffPrincipal.of(authentication), id, request);
    }
}
