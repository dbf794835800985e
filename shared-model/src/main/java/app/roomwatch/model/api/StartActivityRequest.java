package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import java.util.List;

/**
 * {@code POST /api/active/groups}.
 *
 * @param groupId the after-school group it is for, or {@code null}
 */
public record StartActivityRequest(String name, String roomId, String groupId, List<String> supervisorIds) {

    public StartActivityRequest {
        requiredText(name, "name");
        requiredText(roomId, "roomId");
        supervisorIds = requiredList(supervisorIds, "supervisorIds");
    }
}
