package app.roomwatch.server.room;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of archiving a room; {@link #runningActivity} reads {@code active_group} to name it in the refusal. */
@Component
class RoomArchiveQueries {

    private final JdbcClient jdbc;

    RoomArchiveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the room, unless archived, and answers its name. */
    Optional<String> lockLive(long tenant, long id) {
        return jdbc.sql(
                        "SELECT name FROM room WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL FOR UPDATE")
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** The name of the activity running in the room, if one is. */
    Optional<String> runningActivity(long tenant, long id) {
        return jdbc.sql("""
                        SELECT name FROM active_group
                        WHERE tenant_id = :tenant AND room_id = :id AND ended_at IS NULL
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void archive(long tenant, long id, Instant at) {
        jdbc.sql("UPDATE room SET archived_at = :at WHERE tenant_id = :tenant AND id = :id")
                .param("at", Timestamp.from(at))
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }
}
