package app.roomwatch.server.activity;

import app.roomwatch.model.api.Person;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.staff.SupervisedActivities;
import app.roomwatch.server.web.Ids;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who supervises which running activity, and telling each staff member the new set of activities they supervise
 * ({@code supervision_changed} on their own topic) whenever it changes, so that their streams follow at once.
 */
@Component
public class Supervision implements SupervisedActivities {

    private final ActivityQueries queries;
    private final EventLog events;

    Supervision(ActivityQueries queries, EventLog events) {
        this.queries = queries;
        this.events = events;
    }

    /** The supervisors of every running active group of a tenant, by active group id. */
    public Map<Long, List<Person>> byGroup(long tenantId) {
        return queries.supervisors(tenantId).stream()
                .collect(Collectors.groupingBy(
                        ActivityQueries.Supervisor::activeGroupId,
                        Collectors.mapping(ActivityQueries.Supervisor::person, Collectors.toList())));
    }

    @Override
    public List<String> supervisedBy(long tenantId, long staffId) {
        return queries.supervisedBy(tenantId, staffId).stream().map(Ids::of).toList();
    }

    List<Long> of(long tenant, long activeGroupId) {
        return queries.supervisorsOf(tenant, activeGroupId);
    }

    void add(long tenant, long activeGroupId, long staffId) {
        queries.addSupervisor(tenant, activeGroupId, staffId);
    }

    void remove(long activeGroupId, long staffId) {
        queries.removeSupervisor(activeGroupId, staffId);
    }

    boolean supervises(long tenant, long activeGroupId, long staffId) {
        return queries.supervises(tenant, activeGroupId, staffId);
    }

    /** Tells each staff member whose set of supervised running groups changed what it is now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(long tenant, Collection<Long> staffIds) {
        for (long staffId : new TreeSet<>(staffIds)) {
            events.append(tenant, Topic.staff(Ids.of(staffId)), new SupervisionChanged(supervisedBy(tenant, staffId)));
        }
    }
}
