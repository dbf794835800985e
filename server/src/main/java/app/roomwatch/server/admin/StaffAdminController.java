package app.roomwatch.server.admin;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
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

    private static final Logger log = LoggerFactory.getLogger(StaffAdminController.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    StaffAdminController(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            SessionControl sessions,
            StaffAccounts accounts,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping
    List<StaffAccount> list(Authentication authentication) {
        return jdbc.sql("""
                        SELECT id, username, display_name, role, enabled FROM staff
                        WHERE tenant_id = :tenant ORDER BY display_name, id
                        """)
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new StaffAccount(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)),
                        rs.getBoolean(5)))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public StaffAccount create(Authentication authentication, @RequestBody StaffAccountRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        if (request.password() == null) {
            throw ApiException.badRequest("'password' is required for a new account");
        }
        requireFreeUsername(tenant, request.username(), 0);
        long id = jdbc.sql("""
                        INSERT INTO staff (tenant_id, username, display_name, password_hash, role, enabled)
                        VALUES (:tenant, :username, :display, :hash, :role, :enabled) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("username", request.username().strip())
                .param("display", request.displayName().strip())
                .param("hash", passwords.encode(request.password()))
                .param("role", request.role().name())
                .param("enabled", request.enabled() == null || request.enabled())
                .query(Long.class)
                .single();
        audit.record(
                me,
                AuditAction.STAFF_CREATED,
                Ids.of(id),
                request.displayName().strip(),
                Map.of("role", request.role().name()));
        log.info("Staff {} created in tenant {}", id, tenant);
        return new StaffAccount(
                Ids.of(id),
                request.username().strip(),
                request.displayName().strip(),
                request.role(),
                request.enabled() == null || request.enabled());
    }

    @PutMapping("/{id}")
    @Transactional
    public StaffAccount update(
            Authentication authentication, @PathVariable String id, @RequestBody StaffAccountRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long staffId = Ids.parse(id, "staff member");
        record Before(boolean enabled, String role, String username, String displayName) {}
        Before before = jdbc.sql("""
                        SELECT enabled, role, username, display_name FROM staff
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", staffId)
                .query((rs, n) -> new Before(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no staff member " + id));
        boolean enabled = request.enabled() == null || request.enabled();
        if (staffId == me.staffId() && (!enabled || request.role() != StaffRole.ADMIN)) {
            throw ApiException.conflict("You can not disable yourself or take away your own admin role");
        }
        requireFreeUsername(tenant, request.username(), staffId);
        jdbc.sql("""
                        UPDATE staff SET username = :username, display_name = :display, role = :role,
                               enabled = :enabled, password_hash = coalesce(:hash, password_hash)
                        WHERE tenant_id = :tenant AND id = :id
                        """)
                .param("username", request.username().strip())
                .param("display", request.displayName().strip())
                .param("role", request.role().name())
                .param("enabled", enabled)
                .param("hash", request.password() == null ? null : passwords.encode(request.password()))
                .param("tenant", tenant)
                .param("id", staffId)
                .update();
        String name = request.displayName().strip();
        Map<String, String> changed = new TreeMap<>();
        if (!before.username().equals(request.username().strip())) {
            changed.put("username", request.username().strip());
        }
        if (!before.displayName().equals(name)) {
            changed.put("displayName", name);
        }
        if (!before.role().equals(request.role().name())) {
            changed.put("role", request.role().name());
        }
        if (!changed.isEmpty()) {
            audit.record(me, AuditAction.STAFF_UPDATED, Ids.of(staffId), name, changed);
        }
        if (request.password() != null) {
            audit.record(me, AuditAction.STAFF_PASSWORD_RESET, Ids.of(staffId), name, Map.of());
        }
        if (before.enabled() != enabled) {
            audit.record(
                    me,
                    enabled ? AuditAction.STAFF_ENABLED : AuditAction.STAFF_DISABLED,
                    Ids.of(staffId),
                    name,
                    Map.of());
        }
        if (before.enabled() && !enabled) {
            accounts.endAllSessions(tenant, staffId, "account_disabled");
            log.info("Staff {} of tenant {} disabled; all sessions ended", staffId, tenant);
        } else if (enabled && !before.role().equals(request.role().name())) {
            // Tokens name the role they were issued for and are refused once it changed; the open streams, whose
            // scope follows the role, end now, and the consoles renew their tokens and reconnect with the new one.
            sessions.sessionsEnded(tenant, staffId, null, "role_changed");
            log.info("Staff {} of tenant {} is now {}; their streams were ended", staffId, tenant, request.role());
        }
        return new StaffAccount(
                Ids.of(staffId),
                request.username().strip(),
                request.displayName().strip(),
                request.role(),
                enabled);
    }

    private void requireFreeUsername(long tenant, String username, long exceptId) {
        boolean taken = jdbc.sql("SELECT count(*) FROM staff WHERE tenant_id = :tenant AND username = :username"
                                + " AND id <> :except")
                        .param("tenant", tenant)
                        .param("username", username.strip())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw ApiException.conflict("The username '" + username.strip() + "' is already taken");
        }
    }
}
