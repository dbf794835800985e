package app.roomwatch.console.groups;

import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import java.util.List;

/** What My groups needs from the server (SPEC section 4); blocking calls, made off the UI thread. */
public interface GroupsApi {

    /** {@code GET /api/active/groups}. */
    List<ActiveGroupView> activeGroups() throws Exception;

    /** {@code GET /api/active/groups/{id}/visits/display}. */
    List<VisitDisplay> visits(String activeGroupId) throws Exception;

    /** {@code GET /api/students?query=}. */
    List<StudentSummary> students(String query) throws Exception;

    /** {@code GET /api/rooms}, to offer the free rooms when starting an activity. */
    List<RoomView> rooms() throws Exception;

    /** {@code POST /api/active/groups/{id}/visits}: the child's new visit. */
    VisitDisplay checkIn(String activeGroupId, String studentId) throws Exception;

    /** {@code POST /api/visits/{id}/end}. */
    void checkOut(String visitId) throws Exception;

    /** {@code POST /api/active/groups}. */
    void startActivity(String name, String roomId, List<String> supervisorIds) throws Exception;

    /** {@code POST /api/active/groups/{id}/end}. */
    void endActivity(String activeGroupId) throws Exception;

    /** {@code PUT /api/active/groups/{id}/supervisors}. */
    void changeSupervisors(String activeGroupId, List<String> supervisorIds) throws Exception;
}
