package app.roomwatch.console.main;

import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.feed.FeedSource;
import app.roomwatch.console.groups.GroupsApi;
import app.roomwatch.console.notifications.NotificationsApi;
import app.roomwatch.console.rooms.RoomsSource;
import app.roomwatch.console.roster.RosterSource;
import app.roomwatch.console.whereis.WhereIsSource;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.ActivityEntry;
import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.RosterChild;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.SupervisorsRequest;
import app.roomwatch.model.api.VisitDisplay;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;

/** The views' narrow server interfaces, answered by the signed-in {@link StaffSession} (SPEC section 4). */
final class ServerBackend implements RoomsSource, GroupsApi, WhereIsSource, RosterSource, FeedSource, NotificationsApi {

    private final StaffSession session;

    ServerBackend(StaffSession session) {
        this.session = session;
    }

    @Override
    public List<RoomView> rooms() throws IOException {
        return Arrays.asList(session.get("/api/rooms", RoomView[].class));
    }

    @Override
    public List<LedGroup> groupsILead() throws IOException {
        return Arrays.asList(session.get("/api/groups/mine", LedGroup[].class));
    }

    @Override
    public List<RosterChild> roster(String groupId) throws IOException {
        return Arrays.asList(session.get(path("api", "groups", groupId, "roster"), RosterChild[].class));
    }

    @Override
    public List<ActiveGroupView> activeGroups() throws IOException {
        return Arrays.asList(session.get("/api/active/groups", ActiveGroupView[].class));
    }

    @Override
    public List<VisitDisplay> visits(String activeGroupId) throws IOException {
        return Arrays.asList(
                session.get(path("api", "active", "groups", activeGroupId, "visits", "display"), VisitDisplay[].class));
    }

    @Override
    public List<StudentSummary> students(String query) throws IOException {
        HttpUrl url = session.api()
                .url("/api/students")
                .newBuilder()
                .addQueryParameter("query", query)
                .build();
        return Arrays.asList(session.get(url, StudentSummary[].class));
    }

    @Override
    public VisitDisplay checkIn(String activeGroupId, String studentId) throws IOException {
        return session.post(
                path("api", "active", "groups", activeGroupId, "visits"),
                new CheckInRequest(studentId),
                VisitDisplay.class);
    }

    @Override
    public void checkOut(String visitId) throws IOException {
        session.post(path("api", "visits", visitId, "end"), null);
    }

    @Override
    public void startActivity(String name, String roomId, List<String> supervisorIds) throws IOException {
        session.post("/api/active/groups", new StartActivityRequest(name, roomId, null, supervisorIds));
    }

    @Override
    public void endActivity(String activeGroupId) throws IOException {
        session.post(path("api", "active", "groups", activeGroupId, "end"), null);
    }

    @Override
    public void changeSupervisors(String activeGroupId, List<String> supervisorIds) throws IOException {
        session.put(
                path("api", "active", "groups", activeGroupId, "supervisors"), new SupervisorsRequest(supervisorIds));
    }

    @Override
    public List<ActivityEntry> activity(int limit) throws IOException {
        HttpUrl url = session.api()
                .url("/api/activity")
                .newBuilder()
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return Arrays.asList(session.get(url, ActivityEntry[].class));
    }

    @Override
    public List<NotificationView> notifications(int limit) throws IOException {
        HttpUrl url = session.api()
                .url("/api/notifications")
                .newBuilder()
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return Arrays.asList(session.get(url, NotificationView[].class));
    }

    @Override
    public void markRead(String id) throws IOException {
        session.post(path("api", "notifications", id, "read"), null);
    }

    /**
     * A path from segments, each one encoded: ids come from the server, but they still never shape the URL. Only the
     * path of the placeholder origin is kept; {@code ServerApi.url} puts it below the server's base address.
     */
    static String path(String... segments) {
        HttpUrl.Builder url = new HttpUrl.Builder().scheme("http").host("localhost");
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build().encodedPath();
    }
}
