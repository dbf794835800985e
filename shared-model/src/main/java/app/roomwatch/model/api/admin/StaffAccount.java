package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import app.roomwatch.model.api.StaffRole;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A staff account as admins manage it ({@code /api/admin/staff}); never its password. */
public record StaffAccount(
        String id,
        String username,
        String displayName,
        StaffRole role,
        @JsonProperty(required = true) boolean enabled) {
    public StaffAccount {
        requiredText(id, "id");
        requiredText(username, "username");
        requiredText(displayName, "displayName");
        required(role, "role");
    }
}
