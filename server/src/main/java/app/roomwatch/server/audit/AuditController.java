package app.roomwatch.server.audit;

import app.roomwatch.model.api.admin.AuditEntry;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit log, a page at a time ({@code GET /api/admin/audit}). */
@RestController
class AuditController {

    private static final int MAX_LIMIT = 500;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    List<AuditEntry> page(
            Authentication authentication,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String before) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Long beforeId = before == null ? null : Ids.parseField(before, "before");
        return audit.page(StaffPrincipal.of(authentication).tenantId(), limit, beforeId);
    }
}
