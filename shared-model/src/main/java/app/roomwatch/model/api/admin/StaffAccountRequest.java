package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.api.StaffRole;

/**
 * Creating ({@code POST /api/admin/staff}) or changing ({@code PUT /api/admin/staff/{id}}) a staff account.
 *
 * @param password required when creating; on a change, {@code null} keeps the current one
 * @param enabled {@code null} means enabled; disabling ends every session of the account at once
 */
public record StaffAccountRequest(
        String username, String displayName, StaffRole role, String password, Boolean enabled) {
    public StaffAccountRequest {
        requiredText(username, "username");
        requiredText(displayName, "displayName");
        required(role, "role");
        if (password != null && password.length() < 8) {
            throw new IllegalArgumentException("'password' must have at least 8 characters");
        }
    }

    @Override
    public String toString() {
        return "StaffAccountRequest[username=" + username + ", role=" + role + ", password=***]";
    }
}
