package app.roomwatch.server.room;

import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.server.database.Rows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code room} table. */
@Component
class RoomQueries {

    /** A room with the activity running in it, if any, and how many children are in it. */
    record Occupied(long id, String name, int capacity, Long activeGroupId, String activityName, int occupancy) {}

    private final JdbcClient jdbc;

    RoomQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoomRecord> list(long tenant) {
        return jdbc.sql("SELECT id, name, capacity FROM room WHERE tenant_id = :tenant AND archived_at IS NULL"
                        + " ORDER BY name, id")
                .param("tenant", tenant)
                .query((rs, n) -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    Optional<String> name(long tenant, long id, boolean lock) {
        return jdbc.sql("SELECT name FROM room WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL"
                        + (lock ? " FOR UPDATE" : ""))
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** The room as admins see it, unless it is archived; locked for the change that follows. */
    Optional<RoomRecord> lockRecord(long tenant, long id) {
        return jdbc.sql("""
                        SELECT id, name, capacity FROM room
                        WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    boolean nameTaken(long tenant, String name, long exceptId) {
        return Rows.exist(
                jdbc.sql("SELECT count(*) FROM room WHERE tenant_id = :tenant AND name = :name AND id <> :except"
                                + " AND archived_at IS NULL")
                        .param("tenant", tenant)
                        .param("name", name)
                        .param("except", exceptId));
    }

    long insert(long tenant, String name, int capacity) {
        return jdbc.sql("INSERT INTO room (tenant_id, name, capacity) VALUES (:tenant, :name, :capacity) RETURNING id")
                .param("tenant", tenant)
                .param("name", name)
                .param("capacity", capacity)
                .query(Long.class)
                .single();
    }

    boolean update(long tenant, long id, String name, int capacity) {
        return jdbc.sql("UPDATE room SET name = :name, capacity = :capacity WHERE tenant_id = :tenant AND id = :id"
                                + " AND archived_at IS NULL")
                        .param("name", name)
                        .param("capacity", capacity)
                        .param("tenant", tenant)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Every room with its running activity and occupancy; reads {@code active_group} and {@code visit} too. */
    List<Occupied> occupied(long tenant) {
        return jdbc.sql("""
                        SELECT r.id, r.name, r.capacity, g.id, g.name,
                               (SELECT count(*) FROM visit v
                                WHERE v.tenant_id = r.tenant_id AND v.active_group_id = g.id AND v.exited_at IS NULL)
                        FROM room r
                        LEFT JOIN active_group g ON g.tenant_id = r.tenant_id AND g.room_id = r.id AND g.ended_at IS NULL
                        WHERE r.tenant_id = :tenant AND r.archived_at IS NULL ORDER BY r.name, r.id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new Occupied(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, Long.class),
                        rs.getString(5),
                        rs.getInt(6)))
                .list();
    }
}
