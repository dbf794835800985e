package app.roomwatch.server.activity;

import app.roomwatch.model.api.Person;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who supervises which running activity, and telling each staff member the new set of activities they supervise
 * ({@code supervision_changed} on their own topic) whenever it changes, so that their streams follow at once.
 */
@Component
public class Supervision {

    private final JdbcClient jdbc;
    private final EventLog events;

    Supervision(JdbcClient jdbc, EventLog events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The supervisors of every running active group of a tenant, by active group id. */
    public Map<Long, List<Person>> byGroup(long tenantId) {
        record Row(long groupId, Person person) {}
        return jdbc
                .sql("""
                        SELECT s.active_group_id, st.id, st.display_name FROM active_group_supervisor s
                        JOIN active_group g ON g.id = s.active_group_id AND g.ended_at IS NULL
                        JOIN staff st ON st.tenant_id = s.tenant_id AND st.id = s.staff_id
                        WHERE s.tenant_id = :tenant ORDER BY st.display_name, st.id
                        """)
                .param("tenant", tenantId)
                .query((rs, n) -> new Row(rs.getLong(1), new Person(rs.getString(2), rs.getString(3))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Row::groupId, Collectors.mapping(Row::person, Collectors.toList())));
    }

    Set<Long> checkedStaff(long tenant, Collection<String> ids) {
        Set<Long> staff = new TreeSet<>();
        for (String id : new LinkedHashSet<>(ids)) {
            long staffId = Ids.parseField(id, "supervisorIds");
            boolean exists = jdbc.sql("SELECT count(*) FROM staff WHERE tenant_id = :tenant AND id = :id AND enabled")
                            .param("tenant", tenant)
                            .param("id", staffId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!exists) {
                throw ApiException.notFound("There is no staff member " + id);
            }
            staff.add(staffId);
        }
        return staff;
    }

    List<Long> of(long tenant, long activeGroupId) {
        return jdbc.sql("""
                        SELECT staff_id FROM active_group_supervisor
                        WHERE tenant_id = :tenant AND active_group_id = :id ORDER BY staff_id
                        """)
                .param("tenant", tenant)
                .param("id", activeGroupId)
                .query(Long.class)
                .list();
    }

    void add(long tenant, long activeGroupId, long staffId) {
        jdbc.sql("""
                        INSERT INTO active_group_supervisor (tenant_id, active_group_id, staff_id)
                        VALUES (:tenant, :group, :staff)
                        """)
                .param("tenant", tenant)
                .param("group", activeGroupId)
                .param("staff", staffId)
                .update();
    }

    /** Tells each staff member whose set of supervised running groups changed what it is now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(long tenant, Collection<Long> staffIds) {
        for (long staffId : new TreeSet<>(staffIds)) {
            List<String> groups =
                    jdbc.sql("""
                            SELECT g.id FROM active_group_supervisor s JOIN active_group g ON g.id = s.active_group_id
                            WHERE s.tenant_id = :tenant AND s.staff_id = :staff AND g.ended_at IS NULL ORDER BY g.id
                            """).param("tenant", tenant).param("staff", staffId).query(Long.class).list().stream()
                            .map(Ids::of)
                            .toList();
            events.append(tenant, Topic.staff(Ids.of(staffId)), new SupervisionChanged(groups));
        }
    }
}
