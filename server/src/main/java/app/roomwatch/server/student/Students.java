package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.group.Groups;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The children of a school, including the sensitive fields (birthday, guardian contact) only admins see. */
@Service
public class Students {

    private final StudentQueries queries;
    private final Groups groups;

    Students(StudentQueries queries, Groups groups) {
        this.queries = queries;
        this.groups = groups;
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
    public StudentDetails create(long tenant, StudentRequest request) {
        return details(tenant, create(tenant, fields(tenant, request, 0)));
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
    public StudentDetails update(long tenant, String id, StudentRequest request) {
        long studentId = Ids.parse(id, "student");
        details(tenant, studentId);
        StudentQueries.Fields fields = fields(tenant, request, studentId);
        requireFreeTag(tenant, fields.rfidTag(), studentId);
        queries.update(tenant, studentId, fields);
        return details(tenant, studentId);
    }

    private StudentDetails details(long tenant, long id) {
        return queries.details(tenant, id).orElseThrow(() -> ApiException.notFound("There is no student " + id));
    }

    private StudentQueries.Fields fields(long tenant, StudentRequest request, long studentId) {
        return new StudentQueries.Fields(
                request.firstName().strip(),
                request.lastName().strip(),
                request.schoolClass().strip(),
                request.rfidTag().strip(),
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
        if (queries.tagTaken(tenant, tag, exceptId)) {
            throw ApiException.conflict("Another child already has this RFID tag");
        }
    }
}
