package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;

/** Staff: every account of the school; add one, change its name and role, reset its password, disable it. */
public final class StaffAdminViewModel {

    /** The server's rule for passwords (docs/api.md). */
    static final int MIN_PASSWORD = 8;

    private final AdminApi api;
    private final AdminRows<StaffAccount> rows;

    StaffAdminViewModel(AdminApi api, TaskExecutor tasks, Messages messages) {
        this.api = api;
        this.rows = new AdminRows<>(api::staff, StaffAccount::id, tasks, messages);
    }

    public AdminRows<StaffAccount> rows() {
        return rows;
    }

    public void reload() {
        rows.reload();
    }

    public void add(String username, String displayName, StaffRole role, String password) {
        if (blank(username) || blank(displayName) || role == null || !passwordFits(password)) {
            return;
        }
        rows.act(
                () -> {
                    api.saveStaff(
                            null, new StaffAccountRequest(username.strip(), displayName.strip(), role, password, true));
                    return null;
                },
                "admin.staff.added",
                displayName.strip());
    }

    public void edit(StaffAccount account, String displayName, StaffRole role) {
        if (blank(displayName) || role == null) {
            rows.refuse("admin.form.missing");
            return;
        }
        rows.act(
                () -> {
                    api.saveStaff(
                            account.id(),
                            new StaffAccountRequest(
                                    account.username(), displayName.strip(), role, null, account.enabled()));
                    return null;
                },
                "admin.staff.changed",
                displayName.strip());
    }

    public void resetPassword(StaffAccount account, String password) {
        if (!passwordFits(password)) {
            return;
        }
        rows.act(
                () -> {
                    api.saveStaff(
                            account.id(),
                            new StaffAccountRequest(
                                    account.username(),
                                    account.displayName(),
                                    account.role(),
                                    password,
                                    account.enabled()));
                    return null;
                },
                "admin.staff.passwordReset",
                account.displayName());
    }

    /** Disabling ends every session of the account at once; enabling lets it sign in again. */
    public void setEnabled(StaffAccount account, boolean enabled) {
        rows.act(
                () -> {
                    api.saveStaff(
                            account.id(),
                            new StaffAccountRequest(
                                    account.username(), account.displayName(), account.role(), null, enabled));
                    return null;
                },
                enabled ? "admin.staff.enabled" : "admin.staff.disabled",
                account.displayName());
    }

    private boolean passwordFits(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            rows.refuse("admin.staff.passwordTooShort", MIN_PASSWORD);
            return false;
        }
        return true;
    }

    private boolean blank(String text) {
        if (text == null || text.isBlank()) {
            rows.refuse("admin.form.missing");
            return true;
        }
        return false;
    }
}
