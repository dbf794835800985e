package app.roomwatch.server.command;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.tenant.Tenants;
import app.roomwatch.server.web.Ids;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/** What the admin commands do to a school: create it with its first admin, or reset a password. Only the commands'
 * context has it ({@link AdminCommandContext}). */
class SchoolSetup {

    /** The shortest password an admin command sets. */
    static final int MINIMUM_PASSWORD_LENGTH = 8;

    private final Tenants tenants;
    private final StaffAccounts staff;
    private final AuditLog audit;

    SchoolSetup(Tenants tenants, StaffAccounts staff, AuditLog audit) {
        this.tenants = tenants;
        this.staff = staff;
        this.audit = audit;
    }

    /**
     * Creates the school and its first admin together: both or neither. The school's audit log starts with both,
     * made by nobody signed in.
     */
    @Transactional
    long createSchool(String shortName, String name, String adminUsername, String adminDisplayName, String password) {
        requireStrong(password);
        long tenant = tenants.create(shortName, name);
        long admin = staff.create(tenant, adminUsername, adminDisplayName, StaffRole.ADMIN, password);
        audit.recordCommand(
                tenant, AuditAction.TENANT_CREATED, Ids.of(tenant), name.strip(), Map.of("shortName", shortName));
        audit.recordCommand(
                tenant,
                AuditAction.STAFF_CREATED,
                Ids.of(admin),
                adminDisplayName.strip(),
                Map.of("role", StaffRole.ADMIN.name()));
        return tenant;
    }

    @Transactional
    void resetPassword(String shortName, String username, String password) {
        requireStrong(password);
        long tenant = tenants.find(shortName)
                .orElseThrow(
                        () -> new IllegalArgumentException("There is no school '" + shortName + "' on this server"));
        long staffId = staff.resetPassword(tenant, username, password);
        audit.recordCommand(
                tenant,
                AuditAction.STAFF_PASSWORD_RESET,
                Ids.of(staffId),
                staff.displayName(tenant, staffId),
                Map.of());
    }

    private static void requireStrong(String password) {
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "The password is too short: use at least " + MINIMUM_PASSWORD_LENGTH + " characters");
        }
    }
}
