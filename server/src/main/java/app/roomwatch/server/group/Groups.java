package app.roomwatch.server.group;

import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The after-school groups of a school, as admins set them up. */
@Service
public class Groups {

    private final GroupQueries queries;

    Groups(GroupQueries queries) {
        this.queries = queries;
    }

    public List<GroupRecord> list(long tenant) {
        return queries.list(tenant);
    }

    public boolean exists(long tenant, long groupId) {
        return queries.exists(tenant, groupId);
    }

    @Transactional
    public GroupRecord create(long tenant, GroupRequest request) {
        return new GroupRecord(
                Ids.of(create(tenant, request.name())), request.name().strip());
    }

    /** Creates a group and returns its id; the name must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenant, String name) {
        requireFreeName(tenant, name, 0);
        return queries.insert(tenant, name.strip());
    }

    @Transactional
    public GroupRecord update(long tenant, String id, GroupRequest request) {
        long groupId = Ids.parse(id, "group");
        requireFreeName(tenant, request.name(), groupId);
        if (!queries.rename(tenant, groupId, request.name().strip())) {
            throw ApiException.notFound("There is no group " + id);
        }
        return new GroupRecord(Ids.of(groupId), request.name().strip());
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        if (queries.nameTaken(tenant, name.strip(), exceptId)) {
            throw ApiException.conflict("There is already a group named '" + name.strip() + "'");
        }
    }
}
