package app.roomwatch.server.activity;

import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final Logger log = LoggerFactory.getLogger(ActiveGroups.class);

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Visits visits;
    private final Clock clock;
    private final RoomwatchProperties properties;
    private final Supervision supervision;

    ActiveGroups(
            JdbcClient jdbc,
            EventLog events,
            Visits visits,
            Clock clock,
            RoomwatchProperties properties,
            Supervision supervision) {
        this.jdbc = jdbc;
        this.supervision = supervision;
        this.events = events;
        this.visits = visits;
        this.clock = clock;
        this.properties = properties;
    }

    public List<ActiveGroupView> running(StaffPrincipal me) {
        record Row(long id, String name, long roomId, String roomName, Instant startedAt) {}
        List<Row> rows = jdbc.sql("""
                        SELECT g.id, g.name, r.id, r.name, g.started_at FROM active_group g
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE g.tenant_id = :tenant AND g.ended_at IS NULL ORDER BY r.name, g.id
                        """)
                .param("tenant", me.tenantId())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        var supervisors = supervision.byGroup(me.tenantId());
        return rows.stream()
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
        String roomName = jdbc.sql(
                        "SELECT name FROM room WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL FOR UPDATE")
                .param("tenant", tenant)
                .param("id", roomId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no room " + request.roomId()));
        Long groupId = null;
        if (request.groupId() != null) {
            groupId = Ids.parseField(request.groupId(), "groupId");
            if (count(
                            "SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND id = :id"
                                    + " AND archived_at IS NULL",
                            tenant,
                            groupId)
                    == 0) {
                throw ApiException.notFound("There is no group " + request.groupId());
            }
        }
        Set<Long> supervisorIds = request.supervisorIds().isEmpty()
                ? new TreeSet<>(List.of(me.staffId()))
                : supervision.checkedStaff(tenant, request.supervisorIds());
        if (visits.runningGroupInRoom(tenant, roomId).isPresent()) {
            throw ApiException.conflict(roomName + " already has a running activity; end it first");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO active_group (tenant_id, name, group_id, room_id, started_at, last_activity_at,
                                                  inactivity_timeout_secs)
                        VALUES (:tenant, :name, :group, :room, :now, :now, :timeout) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("name", request.name().strip())
                .param("group", groupId)
                .param("room", roomId)
                .param("now", Timestamp.from(now))
                .param("timeout", properties.automation().inactivityTimeout().toSeconds())
                .query(Long.class)
                .single();
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
        Visits.Group group = visits.lockRunningGroup(tenant, id)
                .orElseThrow(() -> ApiException.notFound("There is no running active group " + id));
        Instant now = clock.instant();
        record Open(long visitId, long studentId) {}
        List<Open> open = jdbc.sql("""
                        SELECT id, student_id FROM visit
                        WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL ORDER BY id
                        """)
                .param("tenant", tenant)
                .param("group", id)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2)))
                .list();
        for (Open visit : open) {
            Visits.Student student = studentOf(tenant, visit.studentId());
            visits.checkOut(
                    tenant,
                    student,
                    new Visits.OpenVisit(visit.visitId(), visit.studentId(), id, group.roomId()),
                    VisitSource.SESSION_END,
                    now);
        }
        jdbc.sql("UPDATE active_group SET ended_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("now", Timestamp.from(now))
                .param("tenant", tenant)
                .param("id", id)
                .update();
        events.append(tenant, Topic.TENANT, new ActivityEnded(Ids.of(id), Ids.of(group.roomId())));
        events.append(tenant, Topic.TENANT, new RoomOccupancyChanged(Ids.of(group.roomId()), null, 0));
        supervision.announce(tenant, supervision.of(tenant, id));
        log.info("Active group {} of tenant {} ended, {} visits closed", id, tenant, open.size());
    }

    @Transactional
    public ActiveGroupView changeSupervisors(StaffPrincipal me, String activeGroupId, List<String> requested) {
        long tenant = me.tenantId();
        long id = Ids.parse(activeGroupId, "active group");
        requireSupervisorOrAdmin(me, id);
        visits.lockGroups(tenant, id);
        if (requested.isEmpty()) {
            throw ApiException.badRequest("'supervisorIds' must name at least one supervisor");
        }
        Set<Long> wanted = supervision.checkedStaff(tenant, requested);
        Set<Long> before = new TreeSet<>(supervision.of(tenant, id));
        Set<Long> changed = new TreeSet<>();
        for (long staffId : before) {
            if (!wanted.contains(staffId)) {
                jdbc.sql("DELETE FROM active_group_supervisor WHERE active_group_id = :group AND staff_id = :staff")
                        .param("group", id)
                        .param("staff", staffId)
                        .update();
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
        return jdbc.sql("""
                        SELECT count(*) FROM active_group_supervisor
                        WHERE tenant_id = :tenant AND active_group_id = :id AND staff_id = :staff
                        """)
                        .param("tenant", me.tenantId())
                        .param("id", activeGroupId)
                        .param("staff", me.staffId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private ActiveGroupView view(StaffPrincipal me, long id) {
        return running(me).stream()
                .filter(group -> group.id().equals(Ids.of(id)))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("There is no running active group " + id));
    }

    private Visits.Student studentOf(long tenant, long studentId) {
        return jdbc.sql(
                        "SELECT id, first_name, last_name, school_class FROM student WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", studentId)
                .query((rs, n) -> new Visits.Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    private long count(String sql, long tenant, long id) {
        return jdbc.sql(sql)
                .param("tenant", tenant)
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
