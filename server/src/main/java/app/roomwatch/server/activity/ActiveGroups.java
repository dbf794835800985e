package app.roomwatch.server.activity;

import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.group.Groups;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running activities: starting one in a room, ending it (by hand or after its inactivity timeout), and who
 * supervises it. Each change writes its events (activity_start/end, room_occupancy, supervision_changed for every
 * staff member whose set changed) in its own transaction.
 */
@Service
public class ActiveGroups {

    /** An activity of some tenant, for the work done without anyone asking. */
    public record Ref(long tenant, long id) {}

    private static final Logger log = LoggerFactory.getLogger(ActiveGroups.class);

    private final ActivityQueries queries;
    private final RoomLocks rooms;
    private final Groups groups;
    private final StaffAccounts staff;
    private final EventLog events;
    private final Visits visits;
    private final Clock clock;
    private final RoomwatchProperties properties;
    private final Supervision supervision;

    ActiveGroups(
            ActivityQueries queries,
            RoomLocks rooms,
            Groups groups,
            StaffAccounts staff,
            EventLog events,
            Visits visits,
            Clock clock,
            RoomwatchProperties properties,
            Supervision supervision) {
        this.queries = queries;
        this.rooms = rooms;
        this.groups = groups;
        this.staff = staff;
        this.supervision = supervision;
        this.events = events;
        this.visits = visits;
        this.clock = clock;
        this.properties = properties;
    }

    public List<ActiveGroupView> running(StaffPrincipal me) {
        var supervisors = supervision.byGroup(me.tenantId());
        return queries.running(me.tenantId()).stream()
                .map(row -> {
                    List<Person> people = supervisors.getOrDefault(row.id(), List.of());
                    return new ActiveGroupView(
                            Ids.of(row.id()),
                            row.name(),
                            Ids.of(row.roomId()),
                            row.roomName(),
                            row.startedAt(),
                            people,
                            people.stream().anyMatch(p -> p.id().equals(me.staffKey())));
                })
                .toList();
    }

    @Transactional
    public ActiveGroupView start(StaffPrincipal me, StartActivityRequest request) {
        long tenant = me.tenantId();
        long roomId = Ids.parseField(request.roomId(), "roomId");
        String roomName = rooms.lockRoom(tenant, roomId, request.roomId());
        Long groupId = null;
        if (request.groupId() != null) {
            groupId = Ids.parseField(request.groupId(), "groupId");
            if (!groups.exists(tenant, groupId)) {
                throw ApiException.notFound("There is no group " + request.groupId());
            }
        }
        Set<Long> supervisorIds = request.supervisorIds().isEmpty()
                ? new TreeSet<>(List.of(me.staffId()))
                : staff.enabled(tenant, request.supervisorIds(), "supervisorIds");
        if (visits.runningGroupInRoom(tenant, roomId).isPresent()) {
            throw ApiException.conflict(roomName + " already has a running activity; end it first");
        }
        long id = queries.insert(
                tenant,
                request.name().strip(),
                groupId,
                roomId,
                clock.instant(),
                properties.automation().inactivityTimeout());
        for (long staffId : supervisorIds) {
            supervision.add(tenant, id, staffId);
        }
        events.append(
                tenant,
                Topic.TENANT,
                new ActivityStarted(
                        Ids.of(id),
                        request.name().strip(),
                        Ids.of(roomId),
                        roomName,
                        supervisorIds.stream().map(Ids::of).toList()));
        events.append(tenant, Topic.TENANT, new RoomOccupancyChanged(Ids.of(roomId), Ids.of(id), 0));
        supervision.announce(tenant, supervisorIds);
        log.info("Active group {} started in room {} of tenant {}", id, roomId, tenant);
        return view(me, id);
    }

    @Transactional
    public void end(StaffPrincipal me, String activeGroupId) {
        long id = Ids.parse(activeGroupId, "active group");
        requireSupervisorOrAdmin(me, id);
        end(me.tenantId(), id);
    }

    /** Ends a running active group: its open visits end with source {@code session_end}, then the activity. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void end(long tenant, long id) {
        if (!end(tenant, id, group -> true)) {
            throw ApiException.notFound("There is no running active group " + id);
        }
    }

    /**
     * Ends an activity of any tenant if, once locked, it is still running and idle past its timeout (another
     * instance, a scan or a supervisor may have got there first); whether it ended.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean endIfIdle(long tenant, long id) {
        return end(tenant, id, group -> queries.idle(id, clock.instant()));
    }

    /** Running activities of every tenant idle past their timeout now, at most {@code limit}. */
    public List<Ref> idle(int limit) {
        return queries.idle(clock.instant(), limit);
    }

    /** Running activities of every tenant over their room's capacity that have not warned yet. */
    public List<Ref> overCapacity(int limit) {
        return queries.overCapacity(limit);
    }

    private boolean end(long tenant, long id, Predicate<Visits.Group> stillToEnd) {
        Instant now = clock.instant();
        Optional<Visits.Ended> ended = visits.endAll(tenant, id, now, stillToEnd);
        if (ended.isEmpty()) {
            return false;
        }
        long roomId = ended.get().group().roomId();
        queries.markEnded(tenant, id, now);
        events.append(tenant, Topic.TENANT, new ActivityEnded(Ids.of(id), Ids.of(roomId)));
        events.append(tenant, Topic.TENANT, new RoomOccupancyChanged(Ids.of(roomId), null, 0));
        supervision.announce(tenant, supervision.of(tenant, id));
        log.info(
                "Active group {} of tenant {} ended, {} visits closed",
                id,
                tenant,
                ended.get().visitsClosed());
        return true;
    }

    @Transactional
    public ActiveGroupView changeSupervisors(StaffPrincipal me, String activeGroupId, List<String> requested) {
        long tenant = me.tenantId();
        long id = Ids.parse(activeGroupId, "active group");
        requireSupervisorOrAdmin(me, id);
        visits.lockRunningGroup(tenant, id);
        if (requested.isEmpty()) {
            throw ApiException.badRequest("'supervisorIds' must name at least one supervisor");
        }
        Set<Long> wanted = staff.enabled(tenant, requested, "supervisorIds");
        Set<Long> before = new TreeSet<>(supervision.of(tenant, id));
        Set<Long> changed = new TreeSet<>();
        for (long staffId : before) {
            if (!wanted.contains(staffId)) {
                supervision.remove(id, staffId);
                changed.add(staffId);
            }
        }
        for (long staffId : wanted) {
            if (!before.contains(staffId)) {
                supervision.add(tenant, id, staffId);
                changed.add(staffId);
            }
        }
        supervision.announce(tenant, changed);
        return view(me, id);
    }

    /** The running active group, if the caller supervises it or is an admin; 404 or 403 otherwise. */
    public void requireSupervisorOrAdmin(StaffPrincipal me, long activeGroupId) {
        if (visits.runningGroup(me.tenantId(), activeGroupId).isEmpty()) {
            throw ApiException.notFound("There is no running active group " + activeGroupId);
        }
        if (!me.isAdmin() && !supervises(me, activeGroupId)) {
            throw ApiException.forbidden("Only the supervisors of active group " + activeGroupId + " may do this");
        }
    }

    public boolean supervises(StaffPrincipal me, long activeGroupId) {
        return supervision.supervises(me.tenantId(), activeGroupId, me.staffId());
    }

    private ActiveGroupView view(StaffPrincipal me, long id) {
        return running(me).stream()
                .filter(group -> group.id().equals(Ids.of(id)))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("There is no running active group " + id));
    }
}
