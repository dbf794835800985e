package app.roomwatch.server.room;

import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.server.activity.RoomLocks;
import app.roomwatch.server.activity.Supervision;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The rooms of a school: what admins set up, and live, with the activity and children in each. */
@Service
public class Rooms implements RoomLocks {

    private final RoomQueries queries;
    private final Supervision supervision;
    private final Visits visits;
    private final AuditLog audit;

    Rooms(RoomQueries queries, Supervision supervision, Visits visits, AuditLog audit) {
        this.queries = queries;
        this.supervision = supervision;
        this.visits = visits;
        this.audit = audit;
    }

    public List<RoomRecord> list(long tenant) {
        return queries.list(tenant);
    }

    @Transactional
    public RoomRecord create(StaffPrincipal me, RoomRequest request) {
        long id = create(me.tenantId(), request.name(), request.capacity());
        audit.record(me, AuditAction.ROOM_CREATED, Ids.of(id), request.name().strip(), Map.of());
        return new RoomRecord(Ids.of(id), request.name().strip(), request.capacity());
    }

    /** Creates a room and returns its id; the name must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenant, String name, int capacity) {
        requireFreeName(tenant, name, 0);
        return queries.insert(tenant, name.strip(), capacity);
    }

    @Transactional
    public RoomRecord update(StaffPrincipal me, String id, RoomRequest request) {
        long tenant = me.tenantId();
        long roomId = Ids.parse(id, "room");
        requireFreeName(tenant, request.name(), roomId);
        RoomRecord before =
                queries.lockRecord(tenant, roomId).orElseThrow(() -> ApiException.notFound("There is no room " + id));
        queries.update(tenant, roomId, request.name().strip(), request.capacity());
        Map<String, String> changed = new TreeMap<>();
        if (!before.name().equals(request.name().strip())) {
            changed.put("name", request.name().strip());
        }
        if (before.capacity() != request.capacity()) {
            changed.put("capacity", Integer.toString(request.capacity()));
        }
        audit.record(
                me, AuditAction.ROOM_UPDATED, Ids.of(roomId), request.name().strip(), changed);
        return new RoomRecord(Ids.of(roomId), request.name().strip(), request.capacity());
    }

    public boolean exists(long tenant, long roomId) {
        return queries.name(tenant, roomId, false).isPresent();
    }

    /** The room's name; 404 when the tenant has no such room. */
    public String name(long tenant, long roomId) {
        return queries.name(tenant, roomId, false)
                .orElseThrow(() -> ApiException.notFound("There is no room " + roomId));
    }

    /** Locks the room, so that two activities cannot start in it at once; 404 when the tenant has no such room. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String lockRoom(long tenant, long roomId, String asked) {
        return queries.name(tenant, roomId, true).orElseThrow(() -> ApiException.notFound("There is no room " + asked));
    }

    /** Every room with its occupancy, the activity running in it and the children inside. */
    public List<RoomView> live(long tenant) {
        Map<Long, List<Person>> supervisors = supervision.byGroup(tenant);
        Map<Long, List<RoomChild>> children = visits.childrenByRoom(tenant);
        return queries.occupied(tenant).stream()
                .map(room -> new RoomView(
                        Ids.of(room.id()),
                        room.name(),
                        room.capacity(),
                        room.occupancy(),
                        room.activeGroupId() == null
                                ? null
                                : new RoomView.Activity(
                                        Ids.of(room.activeGroupId()),
                                        room.activityName(),
                                        supervisors.getOrDefault(room.activeGroupId(), List.of())),
                        children.getOrDefault(room.id(), List.of())))
                .toList();
    }

    /** The children in one room now, newest arrival first; 404 when there is no such room. */
    public List<RoomChild> children(long tenant, String id) {
        long roomId = Ids.parse(id, "room");
        if (!exists(tenant, roomId)) {
            throw ApiException.notFound("There is no room " + id);
        }
        return visits.childrenIn(tenant, roomId);
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        if (queries.nameTaken(tenant, name.strip(), exceptId)) {
            throw ApiException.conflict("There is already a room named '" + name.strip() + "'");
        }
    }
}
