package app.roomwatch.server.activity;

import app.roomwatch.model.api.Person;
import app.roomwatch.server.database.Rows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code active_group} and {@code active_group_supervisor} tables. */
@Component
class ActivityQueries {

    /** A running activity and its room, as the list of running activities shows it. */
    record Running(long id, String name, long roomId, String roomName, Instant startedAt) {}

    /** A supervisor of a running activity. */
    record Supervisor(long activeGroupId, Person person) {}

    private final JdbcClient jdbc;

    ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the room's name too. */
    List<Running> running(long tenant) {
        return jdbc.sql("""
                        SELECT g.id, g.name, r.id, r.name, g.started_at FROM active_group g
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE g.tenant_id = :tenant AND g.ended_at IS NULL ORDER BY r.name, g.id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new Running(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    long insert(long tenant, String name, Long groupId, long roomId, Instant now, Duration inactivityTimeout) {
        return jdbc.sql("""
                        INSERT INTO active_group (tenant_id, name, group_id, room_id, started_at, last_activity_at,
                                                  inactivity_timeout_secs)
                        VALUES (:tenant, :name, :group, :room, :now, :now, :timeout) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("name", name)
                .param("group", groupId)
                .param("room", roomId)
                .param("now", Timestamp.from(now))
                .param("timeout", inactivityTimeout.toSeconds())
                .query(Long.class)
                .single();
    }

    void markEnded(long tenant, long id, Instant now) {
        jdbc.sql("UPDATE active_group SET ended_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("now", Timestamp.from(now))
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }

    /** Whether a running activity has been idle past its timeout at {@code now}. */
    boolean idle(long id, Instant now) {
        return jdbc.sql("""
                        SELECT ended_at IS NULL
                           AND last_activity_at + make_interval(secs => inactivity_timeout_secs) <= :now
                        FROM active_group WHERE id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Running activities of every tenant idle past their timeout at {@code now}, oldest id first. */
    List<ActiveGroups.Ref> idle(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT tenant_id, id FROM active_group
                        WHERE ended_at IS NULL
                          AND last_activity_at + make_interval(secs => inactivity_timeout_secs) <= :now
                        ORDER BY id LIMIT :batch
                        """)
                .param("now", Timestamp.from(now))
                .param("batch", limit)
                .query((rs, n) -> new ActiveGroups.Ref(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** Running activities of every tenant with more children than their room holds that have not warned yet. */
    List<ActiveGroups.Ref> overCapacity(int limit) {
        return jdbc.sql("""
                        SELECT g.tenant_id, g.id FROM active_group g JOIN room r ON r.id = g.room_id
                        WHERE g.ended_at IS NULL AND NOT g.over_capacity_notified
                          AND (SELECT count(*) FROM visit v WHERE v.active_group_id = g.id AND v.exited_at IS NULL)
                              > r.capacity
                        LIMIT :batch
                        """)
                .param("batch", limit)
                .query((rs, n) -> new ActiveGroups.Ref(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** The supervisors of every running activity of a tenant, with their names from {@code staff}. */
    List<Supervisor> supervisors(long tenant) {
        return jdbc.sql("""
                        SELECT s.active_group_id, st.id, st.display_name FROM active_group_supervisor s
                        JOIN active_group g ON g.id = s.active_group_id AND g.ended_at IS NULL
                        JOIN staff st ON st.tenant_id = s.tenant_id AND st.id = s.staff_id
                        WHERE s.tenant_id = :tenant ORDER BY st.display_name, st.id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new Supervisor(rs.getLong(1), new Person(rs.getString(2), rs.getString(3))))
                .list();
    }

    List<Long> supervisorsOf(long tenant, long activeGroupId) {
        return jdbc.sql("""
                        SELECT staff_id FROM active_group_supervisor
                        WHERE tenant_id = :tenant AND active_group_id = :id ORDER BY staff_id
                        """)
                .param("tenant", tenant)
                .param("id", activeGroupId)
                .query(Long.class)
                .list();
    }

    boolean supervises(long tenant, long activeGroupId, long staffId) {
        return Rows.exist(
                jdbc.sql("""
                        SELECT count(*) FROM active_group_supervisor
                        WHERE tenant_id = :tenant AND active_group_id = :id AND staff_id = :staff
                        """).param("tenant", tenant).param("id", activeGroupId).param("staff", staffId));
    }

    /** The running activities a staff member supervises, by id. */
    List<Long> supervisedBy(long tenant, long staffId) {
        return jdbc.sql("""
                        SELECT g.id FROM active_group_supervisor s JOIN active_group g ON g.id = s.active_group_id
                        WHERE s.tenant_id = :tenant AND s.staff_id = :staff AND g.ended_at IS NULL ORDER BY g.id
                        """)
                .param("tenant", tenant)
                .param("staff", staffId)
                .query(Long.class)
                .list();
    }

    void addSupervisor(long tenant, long activeGroupId, long staffId) {
        jdbc.sql("""
                        INSERT INTO active_group_supervisor (tenant_id, active_group_id, staff_id)
                        VALUES (:tenant, :group, :staff)
                        """)
                .param("tenant", tenant)
                .param("group", activeGroupId)
                .param("staff", staffId)
                .update();
    }

    void removeSupervisor(long activeGroupId, long staffId) {
        jdbc.sql("DELETE FROM active_group_supervisor WHERE active_group_id = :group AND staff_id = :staff")
                .param("group", activeGroupId)
                .param("staff", staffId)
                .update();
    }

    void rearmCapacityWarning(long tenantId, long activeGroupId, int occupancy) {
        jdbc.sql("""
                        UPDATE active_group g SET over_capacity_notified = false FROM room r
                        WHERE g.tenant_id = :tenant AND g.id = :id AND r.tenant_id = g.tenant_id
                          AND r.id = g.room_id AND :occupancy <= r.capacity AND g.over_capacity_notified
                        """)
                .param("tenant", tenantId)
                .param("id", activeGroupId)
                .param("occupancy", occupancy)
                .update();
    }

    boolean armCapacityWarning(long tenantId, long activeGroupId) {
        return jdbc.sql("""
                        UPDATE active_group SET over_capacity_notified = true
                        WHERE tenant_id = :tenant AND id = :id AND NOT over_capacity_notified
                        """)
                        .param("tenant", tenantId)
                        .param("id", activeGroupId)
                        .update()
                > 0;
    }

    void touch(long tenantId, long activeGroupId, Instant at, Duration granularity) {
        jdbc.sql("""
                        UPDATE active_group SET last_activity_at = :at
                        WHERE tenant_id = :tenant AND id = :id
                          AND last_activity_at < CAST(:at AS timestamptz) - CAST(:granularity AS interval)
                        """)
                .param("granularity", granularity.toSeconds() + " seconds")
                .param("at", Timestamp.from(at))
                .param("tenant", tenantId)
                .param("id", activeGroupId)
                .update();
    }
}
