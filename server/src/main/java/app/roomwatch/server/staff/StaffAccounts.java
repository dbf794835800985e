package app.roomwatch.server.staff;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: as admins manage them in the admin area, as the server's own admin tasks create them and reset
 * their passwords, and as other features look staff members up.
 */
@Service
@Import(StaffQueries.class) // not scanned: the admin commands' small context builds this class too
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final StaffQueries queries;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final AuditLog audit;

    StaffAccounts(StaffQueries queries, PasswordEncoder passwords, SessionControl sessions, AuditLog audit) {
        this.queries = queries;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Creates an enabled account and returns its id; the username must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenantId, String username, String displayName, StaffRole role, String password) {
        requireUsername(username);
        requirePassword(password);
        return queries.insert(tenantId, username.strip(), displayName.strip(), passwords.encode(password), role, true)
                .orElseThrow(() -> new IllegalArgumentException("The username '" + username + "' is already taken"));
    }

    /**
     * Sets a new password and ends every session of the account: its refresh tokens are revoked, its access tokens
     * refused from the next call on, and its open streams on every server instance closed.
     *
     * @return the account's id
     * @throws IllegalArgumentException when the tenant has no such account or the password is empty
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long resetPassword(long tenantId, String username, String password) {
        requirePassword(password);
        long staffId = queries.setPassword(tenantId, username, passwords.encode(password))
                .orElseThrow(() -> new IllegalArgumentException("There is no staff member '" + username + "'"));
        endAllSessions(tenantId, staffId, "password_reset");
        log.info("Password of staff {} in tenant {} reset; all sessions ended", staffId, tenantId);
        return staffId;
    }

    /**
     * Ends every session of an account: its refresh tokens are revoked (so its access tokens are refused from the
     * next call on) and its open streams on every server instance close, once the caller's transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endAllSessions(long tenantId, long staffId, String reason) {
        sessions.endAllSessions(tenantId, staffId, reason);
    }

    /** Every account of the tenant, by name (the admin area). */
    public List<StaffAccount> list(long tenant) {
        return queries.list(tenant);
    }

    /** An admin creates an account. */
    @Transactional
    public StaffAccount create(StaffPrincipal me, StaffAccountRequest request) {
        long tenant = me.tenantId();
        if (request.password() == null) {
            throw ApiException.badRequest("'password' is required for a new account");
        }
        requireFreeUsername(tenant, request.username(), 0);
        boolean enabled = request.enabled() == null || request.enabled();
        long id = queries.insert(
                        tenant,
                        request.username().strip(),
                        request.displayName().strip(),
                        passwords.encode(request.password()),
                        request.role(),
                        enabled)
                .orElseThrow(() -> usernameTaken(request.username()));
        audit.record(
                me,
                AuditAction.STAFF_CREATED,
                Ids.of(id),
                request.displayName().strip(),
                Map.of("role", request.role().name()));
        log.info("Staff {} created in tenant {}", id, tenant);
        return new StaffAccount(
                Ids.of(id), request.username().strip(), request.displayName().strip(), request.role(), enabled);
    }

    /**
     * An admin changes an account; disabling one ends all of its sessions and streams at once, and a new role ends
     * its streams, whose scope follows the role.
     */
    @Transactional
    public StaffAccount update(StaffPrincipal me, String id, StaffAccountRequest request) {
        long tenant = me.tenantId();
        long staffId = Ids.parse(id, "staff member");
        StaffQueries.Standing before = queries.lock(tenant, staffId)
                .orElseThrow(() -> ApiException.notFound("There is no staff member " + id));
        boolean enabled = request.enabled() == null || request.enabled();
        if (staffId == me.staffId() && (!enabled || request.role() != StaffRole.ADMIN)) {
            throw ApiException.conflict("You can not disable yourself or take away your own admin role");
        }
        requireFreeUsername(tenant, request.username(), staffId);
        queries.update(
                tenant,
                staffId,
                request.username().strip(),
                request.displayName().strip(),
                request.role(),
                enabled,
                request.password() == null ? null : passwords.encode(request.password()));
        audit(me, staffId, before, request, enabled);
        if (before.enabled() && !enabled) {
            endAllSessions(tenant, staffId, "account_disabled");
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

    /** The audit entries of an admin's change to an account: what changed, a new password, a disabling or enabling. */
    private void audit(
            StaffPrincipal me,
            long staffId,
            StaffQueries.Standing before,
            StaffAccountRequest request,
            boolean enabled) {
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
    }

    /**
     * The ids of enabled staff of the tenant, checked one by one; 404 for the first that is not one.
     *
     * @param field the request field the ids came in, for the 400 on an id that is not a number
     */
    public Set<Long> enabled(long tenant, Collection<String> ids, String field) {
        Set<Long> staff = new TreeSet<>();
        for (String id : new LinkedHashSet<>(ids)) {
            long staffId = Ids.parseField(id, field);
            if (!queries.enabled(tenant, staffId)) {
                throw ApiException.notFound("There is no staff member " + id);
            }
            staff.add(staffId);
        }
        return staff;
    }

    public String displayName(long tenant, long staffId) {
        return queries.displayName(tenant, staffId);
    }

    /** Every enabled staff member of the tenant, by id. */
    public List<Long> enabledIds(long tenant) {
        return queries.enabledIds(tenant);
    }

    /** The tenant's enabled admins, by id. */
    public List<Long> adminIds(long tenant) {
        return queries.adminIds(tenant);
    }

    private void requireFreeUsername(long tenant, String username, long exceptId) {
        if (queries.usernameTaken(tenant, username.strip(), exceptId)) {
            throw usernameTaken(username);
        }
    }

    private static ApiException usernameTaken(String username) {
        return ApiException.conflict("The username '" + username.strip() + "' is already taken");
    }

    private static void requireUsername(String username) {
        if (username == null || !username.strip().matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new IllegalArgumentException(
                    "A username has 1 to 64 letters, digits, dots, dashes, underscores or @, and no spaces");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A password must not be empty");
        }
    }
}
