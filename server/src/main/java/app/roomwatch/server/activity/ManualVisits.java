package app.roomwatch.server.activity;

import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What supervisors do by hand in My groups: see who is in, check a child in, check one out. */
@Service
class ManualVisits {

    private final JdbcClient jdbc;
    private final Visits visits;
    private final ActiveGroups activeGroups;
    private final Clock clock;

    ManualVisits(JdbcClient jdbc, Visits visits, ActiveGroups activeGroups, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.activeGroups = activeGroups;
        this.clock = clock;
    }

    /** The open visits of an active group with what My groups shows of each child, in one query. */
    List<VisitDisplay> display(StaffPrincipal me, String activeGroupId) {
        long id = Ids.parse(activeGroupId, "active group");
        activeGroups.requireSupervisorOrAdmin(me, id);
        return jdbc.sql("""
                        SELECT v.id, s.id, s.first_name, s.last_name, s.school_class, v.entered_at, v.entry_source
                        FROM visit v JOIN student s ON s.tenant_id = v.tenant_id AND s.id = v.student_id
                        WHERE v.tenant_id = :tenant AND v.active_group_id = :group AND v.exited_at IS NULL
                        ORDER BY s.last_name, s.first_name, s.id
                        """)
                .param("tenant", me.tenantId())
                .param("group", id)
                .query((rs, n) -> new VisitDisplay(
                        rs.getString(1),
                        rs.getString(2),
                        new Visits.Student(0, rs.getString(3), rs.getString(4), "").shortName(),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        VisitSource.fromWireName(rs.getString(7))))
                .list();
    }

    /** Checks a child in by hand; a child open in another group moves here (checked out there first). */
    @Transactional
    VisitDisplay checkIn(StaffPrincipal me, String activeGroupId, String studentId) {
        long tenant = me.tenantId();
        long groupId = Ids.parse(activeGroupId, "active group");
        activeGroups.requireSupervisorOrAdmin(me, groupId);
        long student = Ids.parseField(studentId, "studentId");
        Visits.Student child = visits.lockStudent(tenant, student)
                .orElseThrow(() -> ApiException.notFound("There is no student " + studentId));
        var open = visits.openVisitOf(tenant, student);
        Visits.Group group = Optional.ofNullable(visits.lockGroups(
                                tenant,
                                groupId,
                                open.map(Visits.OpenVisit::activeGroupId).orElse(groupId))
                        .get(groupId))
                .orElseThrow(() -> ApiException.notFound("There is no running active group " + activeGroupId));
        Instant now = clock.instant();
        if (open.isPresent()) {
            if (open.get().activeGroupId() == groupId) {
                throw ApiException.conflict("This child is already checked in to " + group.name());
            }
            visits.checkOut(tenant, child, open.get(), VisitSource.MANUAL, now);
        }
        long visitId = visits.checkIn(tenant, child, group, VisitSource.MANUAL, now);
        return new VisitDisplay(
                Ids.of(visitId), Ids.of(child.id()), child.shortName(), child.schoolClass(), now, VisitSource.MANUAL);
    }

    /** Checks a child out by hand; only the supervisors of its group (or an admin) may. */
    @Transactional
    void checkOut(StaffPrincipal me, String visitId) {
        long tenant = me.tenantId();
        long id = Ids.parse(visitId, "open visit");
        Visits.OpenVisit found = visits.openVisit(tenant, id)
                .orElseThrow(() -> ApiException.notFound("There is no open visit " + visitId));
        activeGroups.requireSupervisorOrAdmin(me, found.activeGroupId());
        Visits.Student child = visits.lockStudent(tenant, found.studentId()).orElseThrow();
        visits.lockGroups(tenant, found.activeGroupId());
        // Re-read under the locks: a scan may have closed it meanwhile.
        Visits.OpenVisit visit = visits.openVisit(tenant, id)
                .orElseThrow(() -> ApiException.notFound("There is no open visit " + visitId));
        visits.checkOut(tenant, child, visit, VisitSource.MANUAL, clock.instant());
    }
}
