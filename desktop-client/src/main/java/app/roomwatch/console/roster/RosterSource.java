package app.roomwatch.console.roster;

import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.RosterChild;
import java.util.List;

/** {@code GET /api/groups/mine} and {@code GET /api/groups/{id}/roster}. Blocking. */
public interface RosterSource {

    List<LedGroup> groupsILead() throws Exception;

    List<RosterChild> roster(String groupId) throws Exception;
}
