package app.roomwatch.console.admin;

import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.admin.AuditEntry;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import java.time.Instant;
import java.util.List;

/**
 * The admin area's server interface ({@code /api/admin/…}, docs/api.md): what an admin lists and changes. Blocking;
 * the view-models call it through the task executor. A {@code null} id saves something new.
 */
public interface AdminApi {

    List<StaffAccount> staff() throws Exception;

    void saveStaff(String id, StaffAccountRequest request) throws Exception;

    List<StudentRecord> students() throws Exception;

    StudentDetails student(String id) throws Exception;

    void saveStudent(String id, StudentRequest request) throws Exception;

    /** Archives a child who left: history kept, the tag freed, gone from every list. */
    void archiveStudent(String id) throws Exception;

    /** Reads a CSV file of children; with {@code dryRun} nothing is written. */
    ImportPreview importStudents(byte[] csv, boolean dryRun) throws Exception;

    List<RoomRecord> rooms() throws Exception;

    void saveRoom(String id, String name, int capacity) throws Exception;

    void archiveRoom(String id) throws Exception;

    List<GroupRecord> groups() throws Exception;

    void saveGroup(String id, String name) throws Exception;

    void archiveGroup(String id) throws Exception;

    /** The ids of the staff who lead the group now. */
    List<String> leads(String groupId) throws Exception;

    /** Makes exactly these staff the group's leads. */
    void changeLeads(String groupId, List<String> staffIds) throws Exception;

    List<DeviceRecord> devices() throws Exception;

    DeviceKey registerDevice(String name, String roomId) throws Exception;

    DeviceKey rotateDevice(String id) throws Exception;

    void revokeDevice(String id) throws Exception;

    /** Renames a scanner, moves it to another room or switches it between scanning and assigning tags. */
    DeviceRecord changeDevice(String id, String name, String roomId, DeviceMode mode) throws Exception;

    List<ScheduledCheckoutRecord> scheduledCheckouts() throws Exception;

    void planCheckout(String studentId, Instant dueAt) throws Exception;

    void cancelCheckout(String id) throws Exception;

    /** The audit log, newest first: {@code limit} entries older than the entry {@code before} (null: the newest). */
    List<AuditEntry> audit(int limit, String before) throws Exception;
}
