package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredList;

import java.util.List;

/** {@code PUT /api/active/groups/{id}/supervisors}. */
public record SupervisorsRequest(List<String> supervisorIds) {

    public SupervisorsRequest {
        supervisorIds = requiredList(supervisorIds, "supervisorIds");
    }
}
