package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredText;

/** Creating or renaming an after-school group. */
public record GroupRequest(String name) {
    public GroupRequest {
        requiredText(name, "name");
    }
}
