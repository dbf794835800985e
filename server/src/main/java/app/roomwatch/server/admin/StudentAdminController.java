package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.sql.Date;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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

    StudentAdminController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<StudentRecord> list(Authentication authentication) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag FROM student
                        WHERE tenant_id = :tenant ORDER BY last_name, first_name, id
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
        long tenant = StaffPrincipal.of(authentication).tenantId();
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
        return details(tenant, id);
    }

    @PutMapping("/{id}")
    @Transactional
    public StudentDetails update(
            Authentication authentication, @PathVariable String id, @RequestBody StudentRequest request) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        long studentId = Ids.parse(id, "student");
        details(tenant, studentId);
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
        return details(tenant, studentId);
    }

    private StudentDetails details(long tenant, long id) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag, group_id, birthday, guardian_contact
                        FROM student WHERE tenant_id = :tenant AND id = :id
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
        boolean exists = jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND id = :id")
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
