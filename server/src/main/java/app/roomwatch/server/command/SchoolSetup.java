package app.roomwatch.server.command;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.tenant.Tenants;
import org.springframework.transaction.annotation.Transactional;

/** What the admin commands do to a school: create it with its first admin, or reset a password. Only the commands'
 * context has it ({@link AdminCommandContext}). */
class SchoolSetup {

    /** The shortest password an admin command sets. */
    static final int MINIMUM_PASSWORD_LENGTH = 8;

    private final Tenants tenants;
    private final StaffAccounts staff;

    SchoolSetup(Tenants tenants, StaffAccounts staff) {
        this.tenants = tenants;
        this.staff = staff;
    }

    /** Creates the school and its first admin together: both or neither. */
    @Transactional
    long createSchool(String shortName, String name, String adminUsername, String adminDisplayName, String password) {
        requireStrong(password);
        long tenant = tenants.create(shortName, name);
        staff.create(tenant, adminUsername, adminDisplayName, StaffRole.ADMIN, password);
        return tenant;
    }

    @Transactional
    void resetPassword(String shortName, String username, String password) {
        requireStrong(password);
        long tenant = tenants.find(shortName)
                .orElseThrow(
                        () -> new IllegalArgumentException("There is no school '" + shortName + "' on this server"));
        staff.resetPassword(tenant, username, password);
    }

    private static void requireStrong(String password) {
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "The password is too short: use at least " + MINIMUM_PASSWORD_LENGTH + " characters");
        }
    }
}
