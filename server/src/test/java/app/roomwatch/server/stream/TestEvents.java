package app.roomwatch.server.stream;

import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.EventPayload;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes events the way the domain services do (the change and its events in one transaction), for stream tests
 * that should not depend on those services.
 */
final class TestEvents {

    private final TransactionTemplate transactions;
    private final EventLog log;
    private final JdbcClient jdbc;
    private final Clock clock;

    TestEvents(TransactionTemplate transactions, EventLog log, JdbcClient jdbc, Clock clock) {
        this.transactions = transactions;
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void append(long tenant, String topic, EventPayload payload) {
        transactions.executeWithoutResult(status -> log.append(tenant, topic, payload));
    }

    /** A student checked in to an active group: topic {@code active-group:{id}}. */
    void checkIn(TestTenant tenant, String groupId, int student) {
        append(
                tenant.id(),
                Topic.activeGroup(groupId),
                new StudentCheckedIn(
                        tenant.studentIds().get(student),
                        "Student " + student,
                        groupId,
                        tenant.bigRoomId(),
                        VisitSource.RFID));
    }

    /** Starts an active group in a room with its supervisors, logging what the domain logs. */
    String startGroup(TestTenant tenant, String roomId, String... supervisorIds) {
        return transactions.execute(status -> {
            String group = Long.toString(jdbc.sql("""
                            INSERT INTO active_group (tenant_id, name, room_id, started_at, last_activity_at,
                                                      inactivity_timeout_secs)
                            VALUES (:tenant, 'Painting', :room, :now, :now, 3600) RETURNING id
                            """)
                    .param("tenant", tenant.id())
                    .param("room", Long.parseLong(roomId))
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single());
            for (String staff : supervisorIds) {
                addSupervisor(tenant.id(), group, staff);
            }
            log.append(
                    tenant.id(),
                    Topic.TENANT,
                    new ActivityStarted(group, "Painting", roomId, "Room", List.of(supervisorIds)));
            for (String staff : supervisorIds) {
                log.append(tenant.id(), Topic.staff(staff), new SupervisionChanged(supervised(tenant.id(), staff)));
            }
            return group;
        });
    }

    /** Replaces a group's supervisors; everyone whose set changed gets a {@code supervision_changed}. */
    void setSupervisors(TestTenant tenant, String groupId, String... supervisorIds) {
        transactions.executeWithoutResult(status -> {
            Set<String> affected = new LinkedHashSet<>(
                    jdbc.sql("SELECT staff_id::text FROM active_group_supervisor WHERE active_group_id = :group")
                            .param("group", Long.parseLong(groupId))
                            .query(String.class)
                            .list());
            affected.addAll(List.of(supervisorIds));
            jdbc.sql("DELETE FROM active_group_supervisor WHERE active_group_id = :group")
                    .param("group", Long.parseLong(groupId))
                    .update();
            for (String staff : supervisorIds) {
                addSupervisor(tenant.id(), groupId, staff);
            }
            for (String staff : affected) {
                log.append(tenant.id(), Topic.staff(staff), new SupervisionChanged(supervised(tenant.id(), staff)));
            }
        });
    }

    private void addSupervisor(long tenant, String group, String staff) {
        jdbc.sql("INSERT INTO active_group_supervisor (tenant_id, active_group_id, staff_id) VALUES (:t, :g, :s)")
                .param("t", tenant)
                .param("g", Long.parseLong(group))
                .param("s", Long.parseLong(staff))
                .update();
    }

    private List<String> supervised(long tenant, String staff) {
        return jdbc.sql("""
                        SELECT s.active_group_id::text FROM active_group_supervisor s
                        JOIN active_group g ON g.id = s.active_group_id AND g.ended_at IS NULL
                        WHERE s.tenant_id = :t AND s.staff_id = :s ORDER BY 1
                        """)
                .param("t", tenant)
                .param("s", Long.parseLong(staff))
                .query(String.class)
                .list();
    }
}
