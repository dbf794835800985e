package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.group.Groups;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The children of a school, including the sensitive fields (birthday, guardian contact) only admins see. */
@Service
public class Students {

    private final StudentQueries queries;
    private final Groups groups;
    private final AuditLog audit;

    Students(StudentQueries queries, Groups groups, AuditLog audit) {
        this.queries = queries;
        this.groups = groups;
        this.audit = audit;
    }

    public List<StudentRecord> list(long tenant) {
        return queries.list(tenant);
    }

    public StudentDetails details(long tenant, String id) {
        return details(tenant, Ids.parse(id, "student"));
    }

    public boolean exists(long tenant, long studentId) {
        return queries.exists(tenant, studentId);
    }

    @Transactional
    public StudentDetails create(StaffPrincipal me, StudentRequest request) {
        long tenant = me.tenantId();
        StudentDetails created = details(tenant, create(tenant, fields(tenant, request, 0)));
        audit.record(me, AuditAction.STUDENT_CREATED, created.id(), shortName(created), Map.of());
        return created;
    }

    /** Creates a child with no sensitive fields and returns its id; the tag must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenant, String firstName, String lastName, String schoolClass, String tag, Long group) {
        return create(tenant, new StudentQueries.Fields(firstName, lastName, schoolClass, tag, group, null, null));
    }

    private long create(long tenant, StudentQueries.Fields fields) {
        requireFreeTag(tenant, fields.rfidTag(), 0);
        return queries.insert(tenant, fields);
    }

    @Transactional
    public StudentDetails update(StaffPrincipal me, String id, StudentRequest request) {
        long tenant = me.tenantId();
        long studentId = Ids.parse(id, "student");
        StudentDetails before = details(tenant, studentId);
        StudentQueries.Fields fields = fields(tenant, request, studentId);
        requireFreeTag(tenant, fields.rfidTag(), studentId);
        queries.update(tenant, studentId, fields);
        StudentDetails after = details(tenant, studentId);
        audit.record(me, AuditAction.STUDENT_UPDATED, after.id(), shortName(after), changes(before, after));
        return after;
    }

    /** A child as a scanner in assign mode names the one who has a tag. */
    public record Holder(String id, String shortName) {}

    /** The child who has {@code tag}, if any. */
    public Optional<Holder> holderOf(long tenant, String tag) {
        return queries.byTag(tenant, tag)
                .map(row -> new Holder(row[0], StudentArchiveQueries.shortName(row[1], row[2])));
    }

    /** The child's short name ("Mia K."), archived or not: for entries about its past. */
    public Optional<String> shortName(long tenant, long studentId) {
        return queries.names(tenant, studentId).map(names -> StudentArchiveQueries.shortName(names[0], names[1]));
    }

    private static String shortName(StudentDetails child) {
        return StudentArchiveQueries.shortName(child.firstName(), child.lastName());
    }

    /**
     * Which fields changed, for the audit log: a child's values are never written there, only that they changed
     * (the group, which is not about the child, by its id).
     */
    private static Map<String, String> changes(StudentDetails before, StudentDetails after) {
        Map<String, String> changed = new TreeMap<>();
        Map<String, List<Object>> fields = Map.of(
                "firstName", Arrays.asList(before.firstName(), after.firstName()),
                "lastName", Arrays.asList(before.lastName(), after.lastName()),
                "schoolClass", Arrays.asList(before.schoolClass(), after.schoolClass()),
                "rfidTag", Arrays.asList(before.rfidTag(), after.rfidTag()),
                "birthday", Arrays.asList(before.birthday(), after.birthday()),
                "guardianContact", Arrays.asList(before.guardianContact(), after.guardianContact()));
        fields.forEach((field, values) -> {
            if (!Objects.equals(values.get(0), values.get(1))) {
                changed.put(field, "changed");
            }
        });
        if (!Objects.equals(before.groupId(), after.groupId())) {
            changed.put("groupId", after.groupId() == null ? "none" : after.groupId());
        }
        return changed;
    }

    private StudentDetails details(long tenant, long id) {
        return queries.details(tenant, id).orElseThrow(() -> ApiException.notFound("There is no student " + id));
    }

    private StudentQueries.Fields fields(long tenant, StudentRequest request, long studentId) {
        return new StudentQueries.Fields(
                request.firstName().strip(),
                request.lastName().strip(),
                request.schoolClass().strip(),
                request.rfidTag() == null ? null : request.rfidTag().strip(),
                checkedGroup(tenant, request.groupId()),
                request.birthday(),
                request.guardianContact());
    }

    private Long checkedGroup(long tenant, String groupId) {
        if (groupId == null) {
            return null;
        }
        long id = Ids.parseField(groupId, "groupId");
        if (!groups.exists(tenant, id)) {
            throw ApiException.notFound("There is no group " + groupId);
        }
        return id;
    }

    private void requireFreeTag(long tenant, String tag, long exceptId) {
        if (tag != null && queries.tagTaken(tenant, tag, exceptId)) {
            throw ApiException.conflict("Another child already has this RFID tag");
        }
    }
}
