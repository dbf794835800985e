package app.roomwatch.server.group;

import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The after-school groups of a school, as admins set them up. */
@Service
public class Groups {

    private final GroupQueries queries;
    private final AuditLog audit;

    Groups(GroupQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    public List<GroupRecord> list(long tenant) {
        return queries.list(tenant);
    }

    /** Each group's id by its name, the name's case ignored ({@link #nameKey}); archived groups left out. */
    public Map<String, Long> idsByName(long tenant) {
        return queries.idsByName(tenant, Groups::nameKey);
    }

    /** How {@link #idsByName} compares names. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public boolean exists(long tenant, long groupId) {
        return queries.exists(tenant, groupId);
    }

    @Transactional
    public GroupRecord create(StaffPrincipal me, GroupRequest request) {
        long id = create(me.tenantId(), request.name());
        audit.record(me, AuditAction.GROUP_CREATED, Ids.of(id), request.name().strip(), Map.of());
        return new GroupRecord(Ids.of(id), request.name().strip());
    }

    /** Creates a group and returns its id; the name must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenant, String name) {
        requireFreeName(tenant, name, 0);
        return queries.insert(tenant, name.strip());
    }

    @Transactional
    public GroupRecord update(StaffPrincipal me, String id, GroupRequest request) {
        long tenant = me.tenantId();
        long groupId = Ids.parse(id, "group");
        requireFreeName(tenant, request.name(), groupId);
        String name = request.name().strip();
        String before =
                queries.name(tenant, groupId).orElseThrow(() -> ApiException.notFound("There is no group " + id));
        queries.rename(tenant, groupId, name);
        audit.record(
                me,
                AuditAction.GROUP_UPDATED,
                Ids.of(groupId),
                name,
                before.equals(name) ? Map.of() : Map.of("name", name));
        return new GroupRecord(Ids.of(groupId), name);
    }

    /** The group's name, unless it is archived. */
    public Optional<String> name(long tenant, long groupId) {
        return queries.name(tenant, groupId);
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        if (queries.nameTaken(tenant, name.strip(), exceptId)) {
            throw ApiException.conflict("There is already a group named '" + name.strip() + "'");
        }
    }
}
