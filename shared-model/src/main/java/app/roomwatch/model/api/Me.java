package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import java.util.List;

/** {@code GET /api/me}. */
public record Me(String id, String displayName, StaffRole role, String tenant, List<String> supervisedActiveGroupIds) {

    public Me {
        requiredText(id, "id");
        requiredText(displayName, "displayName");
        required(role, "role");
        requiredText(tenant, "tenant");
        supervisedActiveGroupIds = requiredList(supervisedActiveGroupIds, "supervisedActiveGroupIds");
    }
}
