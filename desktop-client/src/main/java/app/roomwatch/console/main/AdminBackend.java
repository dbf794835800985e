package app.roomwatch.console.main;

import static app.roomwatch.console.main.ServerBackend.path;

import app.roomwatch.console.admin.AdminApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.admin.AuditEntry;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.DeviceUpdate;
import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/** The admin area's {@link AdminApi}, answered by the signed-in {@link StaffSession} (docs/api.md, Admin). */
final class AdminBackend implements AdminApi {

    private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");

    private final StaffSession session;

    AdminBackend(StaffSession session) {
        this.session = session;
    }

    @Override
    public List<StaffAccount> staff() throws IOException {
        return Arrays.asList(session.get("/api/admin/staff", StaffAccount[].class));
    }

    @Override
    public void saveStaff(String id, StaffAccountRequest request) throws IOException {
        save("staff", id, request);
    }

    @Override
    public List<StudentRecord> students() throws IOException {
        return Arrays.asList(session.get("/api/admin/students", StudentRecord[].class));
    }

    @Override
    public StudentDetails student(String id) throws IOException {
        return session.get(path("api", "admin", "students", id), StudentDetails.class);
    }

    @Override
    public void saveStudent(String id, StudentRequest request) throws IOException {
        save("students", id, request);
    }

    @Override
    public void archiveStudent(String id) throws IOException {
        session.delete(path("api", "admin", "students", id));
    }

    @Override
    public ImportPreview importStudents(byte[] csv, boolean dryRun) throws IOException {
        HttpUrl url = session.api()
                .url("/api/admin/students/import")
                .newBuilder()
                .addQueryParameter("dryRun", Boolean.toString(dryRun))
                .build();
        return session.post(url, csv, CSV, ImportPreview.class);
    }

    @Override
    public List<RoomRecord> rooms() throws IOException {
        return Arrays.asList(session.get("/api/admin/rooms", RoomRecord[].class));
    }

    @Override
    public void saveRoom(String id, String name, int capacity) throws IOException {
        save("rooms", id, new RoomRequest(name, capacity));
    }

    @Override
    public void archiveRoom(String id) throws IOException {
        session.delete(path("api", "admin", "rooms", id));
    }

    @Override
    public List<GroupRecord> groups() throws IOException {
        return Arrays.asList(session.get("/api/admin/groups", GroupRecord[].class));
    }

    @Override
    public void saveGroup(String id, String name) throws IOException {
        save("groups", id, new GroupRequest(name));
    }

    @Override
    public void archiveGroup(String id) throws IOException {
        session.delete(path("api", "admin", "groups", id));
    }

    @Override
    public List<String> leads(String groupId) throws IOException {
        return session.get(path("api", "admin", "groups", groupId, "leads"), GroupLeadsRequest.class)
                .staffIds();
    }

    @Override
    public void changeLeads(String groupId, List<String> staffIds) throws IOException {
        session.put(path("api", "admin", "groups", groupId, "leads"), new GroupLeadsRequest(staffIds));
    }

    @Override
    public List<DeviceRecord> devices() throws IOException {
        return Arrays.asList(session.get("/api/admin/devices", DeviceRecord[].class));
    }

    @Override
    public DeviceKey registerDevice(String name, String roomId) throws IOException {
        return session.post("/api/admin/devices", new DeviceRegistration(name, roomId), DeviceKey.class);
    }

    @Override
    public DeviceKey rotateDevice(String id) throws IOException {
        return session.post(path("api", "admin", "devices", id, "rotate"), null, DeviceKey.class);
    }

    @Override
    public void revokeDevice(String id) throws IOException {
        session.delete(path("api", "admin", "devices", id));
    }

    @Override
    public DeviceRecord changeDevice(String id, String name, String roomId, DeviceMode mode) throws IOException {
        return session.put(
                path("api", "admin", "devices", id), new DeviceUpdate(name, roomId, mode), DeviceRecord.class);
    }

    @Override
    public List<ScheduledCheckoutRecord> scheduledCheckouts() throws IOException {
        return Arrays.asList(session.get("/api/admin/scheduled-checkouts", ScheduledCheckoutRecord[].class));
    }

    @Override
    public void planCheckout(String studentId, Instant dueAt) throws IOException {
        session.post("/api/admin/scheduled-checkouts", new ScheduledCheckoutRequest(studentId, dueAt));
    }

    @Override
    public void cancelCheckout(String id) throws IOException {
        session.delete(path("api", "admin", "scheduled-checkouts", id));
    }

    @Override
    public List<AuditEntry> audit(int limit, String before) throws IOException {
        HttpUrl.Builder url =
                session.api().url("/api/admin/audit").newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (before != null) {
            url.addQueryParameter("before", before);
        }
        return Arrays.asList(session.get(url.build(), AuditEntry[].class));
    }

    /** {@code POST /api/admin/{what}} for something new, {@code PUT /api/admin/{what}/{id}} for a change. */
    private void save(String what, String id, Object request) throws IOException {
        if (id == null) {
            session.post(path("api", "admin", what), request);
        } else {
            session.put(path("api", "admin", what, id), request);
        }
    }
}
