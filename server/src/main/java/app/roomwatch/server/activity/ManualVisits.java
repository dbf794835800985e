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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What supervisors do by hand in My groups: see who is in, check a child in, check one out. */
@Service
class ManualVisits {

    private final Visits visits;
    private final ActiveGroups activeGroups;
    private final Clock clock;

    ManualVisits(Visits visits, ActiveGroups activeGroups, Clock clock) {
        this.visits = visits;
        this.activeGroups = activeGroups;
        this.clock = clock;
    }

    /** The open visits of an active group with what My groups shows of each child, in one query. */
    List<VisitDisplay> display(StaffPrincipal me, String activeGroupId) {
        long id = Ids.parse(activeGroupId, "active group");
        activeGroups.requireSupervisorOrAdmin(me, id);
        return visits.display(me.tenantId(), id);
    }

    /** Checks a child in by hand; a child open in another group moves here (checked out there first). */
    @Transactional
    VisitDisplay checkIn(StaffPrincipal me, String activeGroupId, String studentId) {
        long groupId = Ids.parse(activeGroupId, "active group");
        activeGroups.requireSupervisorOrAdmin(me, groupId);
        long student = Ids.parseField(studentId, "studentId");
        Instant now = clock.instant();
        Visits.Change change = visits.checkIn(
                me.tenantId(), Visits.Child.id(student), Visits.Place.group(groupId), VisitSource.MANUAL, now);
        return switch (change.outcome()) {
            case NO_SUCH_CHILD -> throw ApiException.notFound("There is no student " + studentId);
            case ALREADY_IN ->
                throw ApiException.conflict(
                        "This child is already checked in to " + change.group().name());
            case CHECKED_IN, MOVED -> display(change, now);
            case NOT_RUNNING, NOT_IN, CHECKED_OUT ->
                throw ApiException.notFound("There is no running active group " + activeGroupId);
        };
    }

    private static VisitDisplay display(Visits.Change change, Instant at) {
        Visits.Student child = change.student();
        return new VisitDisplay(
                Ids.of(change.visit().id()),
                Ids.of(child.id()),
                child.shortName(),
                child.schoolClass(),
                at,
                VisitSource.MANUAL);
    }

    /** Checks a child out by hand; only the supervisors of its group (or an admin) may. */
    @Transactional
    void checkOut(StaffPrincipal me, String visitId) {
        long tenant = me.tenantId();
        long id = Ids.parse(visitId, "open visit");
        Visits.OpenVisit found = visits.openVisit(tenant, id)
                .orElseThrow(() -> ApiException.notFound("There is no open visit " + visitId));
        activeGroups.requireSupervisorOrAdmin(me, found.activeGroupId());
        Visits.Change change = visits.checkOut(
                tenant,
                Visits.Child.id(found.studentId()),
                Visits.Place.visit(id),
                VisitSource.MANUAL,
                clock.instant());
        // Under the locks it may be gone: a scan may have closed it meanwhile.
        if (change.outcome() != Visits.Outcome.CHECKED_OUT) {
            throw ApiException.notFound("There is no open visit " + visitId);
        }
    }
}
