package app.roomwatch.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.AuditEntry;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.ImportRefusal;
import app.roomwatch.model.api.admin.ImportRow;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.model.event.DeviceStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin area's view-models without a screen, against a school kept in memory. */
class AdminViewModelTests {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final School school = new School();
    private final AdminViewModel english = model("en");

    private AdminViewModel model(String language) {
        return new AdminViewModel(school, TaskExecutor.sameThread(), scheduler, Messages.of(language), ZoneOffset.UTC);
    }

    @Test
    void theImportPreviewWritesNothingAndApplyingSendsTheSameFileOnce() {
        byte[] csv = "first name,last name\nMia,Kurz\n".getBytes(StandardCharsets.UTF_8);
        ChildrenAdminViewModel children = english.children();

        children.previewImport(csv);

        assertThat(school.imports).containsExactly("dry run");
        assertThat(children.previewProperty().get().refused()).hasSize(1);
        children.applyImport();
        assertThat(school.imports).containsExactly("dry run", "applied");
        assertThat(school.lastImport).isEqualTo(csv);
        assertThat(children.rows().messageProperty().get())
                .isEqualTo("Import done: 1 added, 0 changed, 1 lines skipped.");
        // A second Apply (a double click) writes nothing more.
        children.applyImport();
        assertThat(school.imports).hasSize(2);
    }

    @Test
    void aCancelledPreviewWritesNothing() {
        english.children().previewImport(new byte[] {'x'});
        english.children().cancelImport();
        english.children().applyImport();

        assertThat(school.imports).containsExactly("dry run");
    }

    @Test
    void archivingAChildStillCheckedInSaysWhyInsteadOfTheGeneralConflict() {
        english.children().reload();
        school.refuseWith = new ApiException(409, "Mia K. is checked in to Gym. Check her out first.");

        english.children().archive(school.students.getFirst());

        assertThat(english.children().rows().messageProperty().get())
                .isEqualTo("Mia K. is checked in right now. Check the child out first, then archive.");
        assertThat(english.children().rows().failureProperty().get()).isTrue();
    }

    @Test
    void aPasswordTooShortIsRefusedBeforeAnythingIsSent() {
        english.staff().add("clara", "Clara N.", StaffRole.SUPERVISOR, "short");

        assertThat(school.staffSaved).isEmpty();
        assertThat(english.staff().rows().messageProperty().get())
                .isEqualTo("The password needs at least 8 characters.");
    }

    @Test
    void aBurstOfScannerEventsRefetchesOnceAndScansRefetchAtMostEveryFewSeconds() {
        ScannersAdminViewModel scanners = english.scanners();
        scanners.reload();
        int before = school.deviceFetches;

        for (int i = 0; i < 100; i++) {
            scanners.onDevicesChanged();
        }
        scheduler.advance(Coalescer.WINDOW);
        assertThat(school.deviceFetches).isEqualTo(before + 1);

        for (int i = 0; i < 100; i++) {
            english.onScanned();
        }
        scheduler.advance(Coalescer.WINDOW);
        assertThat(school.deviceFetches).isEqualTo(before + 1);
        scheduler.advance(ScannersAdminViewModel.SEEN_WINDOW);
        assertThat(school.deviceFetches).isEqualTo(before + 2);
    }

    @Test
    void aNewKeyIsHeldUntilShownAndNeverPrinted() {
        english.places().reload();
        english.scanners().register("Hall door", school.rooms.getFirst());

        var key = english.scanners().keyProperty().get();
        assertThat(key.apiKey()).isEqualTo("rw_new_key");
        assertThat(key.toString()).doesNotContain("rw_new_key");
        english.scanners().keyShown();
        assertThat(english.scanners().keyProperty().get()).isNull();
    }

    @Test
    void eachAuditActionIsASentenceInTheConsolesLanguage() {
        AuditEntry archived = entry("student.archived", "Office Admin", "Mia K.", Map.of());
        AuditEntry promoted = entry("staff.updated", "Office Admin", "Ben Weber", Map.of("role", "ADMIN"));
        AuditEntry imported =
                entry("students.imported", "Office Admin", null, Map.of("added", "12", "changed", "3", "refused", "2"));
        AuditEntry fromCommandLine = new AuditEntry(
                "4", Instant.EPOCH, null, null, "staff.password_reset", "staff", "7", "Anna Schmidt", Map.of());

        AuditLogViewModel en = english.audit();
        assertThat(en.sentence(archived)).isEqualTo("Office Admin archived the child Mia K.");
        assertThat(en.sentence(promoted)).isEqualTo("Office Admin changed the staff member Ben Weber (role: Admin).");
        assertThat(en.sentence(imported))
                .isEqualTo("Office Admin imported children: 12 added, 3 changed, 2 lines skipped.");
        assertThat(en.sentence(fromCommandLine))
                .isEqualTo("The server command line reset the password of Anna Schmidt.");

        assertThat(en.sentence(entry("device.revoked", "Office Admin", "Hall door", Map.of("reason", "room_archived"))))
                .isEqualTo("Office Admin revoked the scanner Hall door (why: its room was archived).");
        assertThat(en.sentence(entry("student.updated", "Office Admin", "Mia K.", Map.of("groupId", "none"))))
                .isEqualTo("Office Admin changed the child Mia K. (group: none).");

        AuditLogViewModel de = model("de").audit();
        assertThat(de.sentence(archived)).isEqualTo("Office Admin hat das Kind Mia K. archiviert.");
        assertThat(de.sentence(promoted))
                .isEqualTo("Office Admin hat das Konto von Ben Weber ge\u00e4ndert (Rolle: Admin-Person).");
    }

    @Test
    void theAuditLogPagesBackFromTheOldestEntryShown() {
        for (int i = 120; i > 0; i--) {
            school.audit.add(entry("room.created", "Office Admin", "Room " + i, Map.of()));
        }
        AuditLogViewModel audit = english.audit();

        audit.reload();
        assertThat(audit.entries()).hasSize(AuditLogViewModel.PAGE);
        assertThat(audit.moreProperty().get()).isTrue();
        audit.older();
        audit.older();
        assertThat(audit.entries()).hasSize(120);
        assertThat(audit.moreProperty().get()).isFalse();
        assertThat(audit.entries().getLast().targetName()).isEqualTo("Room 1");
    }

    private int ids;

    private AuditEntry entry(String action, String actor, String target, Map<String, String> details) {
        ids++;
        return new AuditEntry(
                Integer.toString(ids),
                Instant.EPOCH,
                actor == null ? null : "1",
                actor,
                action,
                "room",
                null,
                target,
                details);
    }

    /** A school in memory, answering what the admin area asks. */
    private static final class School implements AdminApi {
        final List<StudentRecord> students = List.of(new StudentRecord("1", "Mia", "Kurz", "4a", "T1"));
        final List<RoomRecord> rooms = List.of(new RoomRecord("1", "Gym", 30));
        final List<AuditEntry> audit = new ArrayList<>();
        final List<String> imports = new ArrayList<>();
        final List<StaffAccountRequest> staffSaved = new ArrayList<>();
        byte[] lastImport;
        int deviceFetches;
        Exception refuseWith;

        @Override
        public List<StaffAccount> staff() {
            return List.of();
        }

        @Override
        public void saveStaff(String id, StaffAccountRequest request) {
            staffSaved.add(request);
        }

        @Override
        public List<StudentRecord> students() {
            return students;
        }

        @Override
        public StudentDetails student(String id) {
            return new StudentDetails(id, "Mia", "Kurz", "4a", "T1", null, null, null);
        }

        @Override
        public void saveStudent(String id, StudentRequest request) {}

        @Override
        public void archiveStudent(String id) throws Exception {
            if (refuseWith != null) {
                throw refuseWith;
            }
        }

        @Override
        public ImportPreview importStudents(byte[] csv, boolean dryRun) {
            imports.add(dryRun ? "dry run" : "applied");
            lastImport = csv;
            return new ImportPreview(
                    List.of(new ImportRow(2, null, "Mia", "Kurz", "", null, null, List.of())),
                    List.of(),
                    List.of(new ImportRefusal(3, "Line 3: the first name is missing.")),
                    !dryRun);
        }

        @Override
        public List<RoomRecord> rooms() {
            return rooms;
        }

        @Override
        public void saveRoom(String id, String name, int capacity) {}

        @Override
        public void archiveRoom(String id) {}

        @Override
        public List<GroupRecord> groups() {
            return List.of();
        }

        @Override
        public void saveGroup(String id, String name) {}

        @Override
        public void archiveGroup(String id) {}

        @Override
        public List<String> leads(String groupId) {
            return List.of();
        }

        @Override
        public void changeLeads(String groupId, List<String> staffIds) {}

        @Override
        public List<DeviceRecord> devices() {
            deviceFetches++;
            return List.of(new DeviceRecord("1", "Door", "1", DeviceStatus.ONLINE, null, DeviceMode.SCAN, null, null));
        }

        @Override
        public DeviceKey registerDevice(String name, String roomId) {
            return new DeviceKey("2", "rw_new_key");
        }

        @Override
        public DeviceKey rotateDevice(String id) {
            return new DeviceKey(id, "rw_rotated");
        }

        @Override
        public void revokeDevice(String id) {}

        @Override
        public DeviceRecord changeDevice(String id, String name, String roomId, DeviceMode mode) {
            return new DeviceRecord(id, name, roomId, DeviceStatus.ONLINE, null, mode, null, null);
        }

        @Override
        public List<ScheduledCheckoutRecord> scheduledCheckouts() {
            return List.of();
        }

        @Override
        public void planCheckout(String studentId, Instant dueAt) {}

        @Override
        public void cancelCheckout(String id) {}

        @Override
        public List<AuditEntry> audit(int limit, String before) {
            int from = 0;
            if (before != null) {
                while (!audit.get(from).id().equals(before)) {
                    from++;
                }
                from++;
            }
            return List.copyOf(audit.subList(from, Math.min(audit.size(), from + limit)));
        }
    }
}
