package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredList;

import java.util.List;

/** {@code PUT /api/admin/groups/{id}/leads}: who leads the group from now on (an empty list: nobody). */
public record GroupLeadsRequest(List<String> staffIds) {

    public GroupLeadsRequest {
        staffIds = requiredList(staffIds, "staffIds");
    }
}
