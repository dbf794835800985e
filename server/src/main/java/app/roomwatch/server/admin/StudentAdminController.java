package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.student.StudentArchive;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage children, including the sensitive fields (birthday, guardian contact) only they see. */
@RestController
@RequestMapping("/api/admin/students")
class StudentAdminController {

    private final JdbcClient jdbc;
    private final StudentArchive archive;
    private final AuditLog audit;

    StudentAdminController(JdbcClient jdbc, StudentArchive archive, AuditLog audit) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.audit = audit;
    }

    @GetMapping
    List<StudentRecord> list(Authentication authentication) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag FROM student
                        WHERE tenant_id = :tenant AND archived_at IS NULL ORDER BY last_name, first_name, id
                        """)
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new StudentRecord(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @GetMapping("/{id}")
    StudentDetails one(Authentication authentication, @PathVariable String id) {
        return details(StaffPrincipal.of(authentication).tenantId(), Ids.parse(id, "student"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public StudentDetails create(Authentication authentication, @RequestBody StudentRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        Long groupId = checkedGroup(tenant, request.groupId());
        requireFreeTag(tenant, request.rfidTag(), 0);
        long id = jdbc.sql("""
                        INSERT INTO student (tenant_id, first_name, last_name, school_class, rfid_tag, group_id,
                                             birthday, guardian_contact)
                        VALUES (:tenant, :first, :last, :class, :tag, :group, :birthday, :guardian) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("first", request.firstName().strip())
                .param("last", request.lastName().strip())
                .param("class", request.schoolClass().strip())
                .param("tag", tag(request))
                .param("group", groupId)
                .param("birthday", request.birthday() == null ? null : Date.valueOf(request.birthday()))
                .param("guardian", request.guardianContact())
                .query(Long.class)
                .single();
        StudentDetails created = details(tenant, id);
        audit.record(me, AuditAction.STUDENT_CREATED, created.id(), shortName(created), Map.of());
        return created;
    }

    @PutMapping("/{id}")
    @Transactional
    public StudentDetails update(
            Authentication authentication, @PathVariable String id, @RequestBody StudentRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long studentId = Ids.parse(id, "student");
        StudentDetails before = details(tenant, studentId);
        Long groupId = checkedGroup(tenant, request.groupId());
        requireFreeTag(tenant, request.rfidTag(), studentId);
        jdbc.sql("""
                        UPDATE student SET first_name = :first, last_name = :last, school_class = :class,
                               rfid_tag = :tag, group_id = :group, birthday = :birthday, guardian_contact = :guardian
                        WHERE tenant_id = :tenant AND id = :id
                        """)
                .param("first", request.firstName().strip())
                .param("last", request.lastName().strip())
                .param("class", request.schoolClass().strip())
                .param("tag", tag(request))
                .param("group", groupId)
                .param("birthday", request.birthday() == null ? null : Date.valueOf(request.birthday()))
                .param("guardian", request.guardianContact())
                .param("tenant", tenant)
                .param("id", studentId)
                .update();
        StudentDetails after = details(tenant, studentId);
        audit.record(me, AuditAction.STUDENT_UPDATED, after.id(), shortName(after), changes(before, after));
        return after;
    }

    /** Archives the child: its tag is freed and it leaves every list; refused while it is checked in. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Authentication authentication, @PathVariable String id) {
        archive.archive(StaffPrincipal.of(authentication), id);
    }

    /**
     * Which fields changed, for the audit log: a child's values are never written there, only that they changed
     * (the group, which is not about the child, by its id).
     */
    private static Map<String, String> changes(StudentDetails before, StudentDetails after) {
        Map<String, String> changed = new TreeMap<>();
        Map<String, Object[]> fields = Map.of(
                "firstName", new Object[] {before.firstName(), after.firstName()},
                "lastName", new Object[] {before.lastName(), after.lastName()},
                "schoolClass", new Object[] {before.schoolClass(), after.schoolClass()},
                "rfidTag", new Object[] {before.rfidTag(), after.rfidTag()},
                "birthday", new Object[] {before.birthday(), after.birthday()},
                "guardianContact", new Object[] {before.guardianContact(), after.guardianContact()});
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changed.put(field, "changed");
            }
        });
        if (!Objects.equals(before.groupId(), after.groupId())) {
            changed.put("groupId", after.groupId() == null ? "none" : after.groupId());
        }
        return changed;
    }

    /** "Mia K.", as supervisors see a child. */
    private static String shortName(StudentDetails child) {
        return child.lastName().isEmpty()
                ? child.firstName()
                : child.firstName() + " " + child.lastName().charAt(0) + ".";
    }

    private StudentDetails details(long tenant, long id) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag, group_id, birthday, guardian_contact
                        FROM student WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new StudentDetails(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getString(8)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no student " + id));
    }

    private Long checkedGroup(long tenant, String groupId) {
        if (groupId == null) {
            return null;
        }
        long id = Ids.parseField(groupId, "groupId");
        boolean exists = jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND id = :id"
                                + " AND archived_at IS NULL")
                        .param("tenant", tenant)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw ApiException.notFound("There is no group " + groupId);
        }
        return id;
    }

    /** The request's tag, or {@code null} for a child without one. */
    private static String tag(StudentRequest request) {
        return request.rfidTag() == null ? null : request.rfidTag().strip();
    }

    private void requireFreeTag(long tenant, String tag, long exceptId) {
        if (tag == null) {
            return;
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM student WHERE tenant_id = :tenant AND rfid_tag = :tag"
                                + " AND id <> :except")
                        .param("tenant", tenant)
                        .param("tag", tag.strip())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw ApiException.conflict("Another child already has this RFID tag");
        }
    }
}
