package app.roomwatch.server.notification;

import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.server.database.Rows;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code notification} table, and who is told what: the supervisors of running activities (read
 * from {@code active_group_supervisor}, with {@code staff} for whether they are still enabled).
 */
@Component
class NotificationQueries {

    private final JdbcClient jdbc;

    NotificationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long tenant,
            long staffId,
            NotificationPriority priority,
            String title,
            String body,
            String groupKey,
            Instant now,
            Long senderId) {
        return jdbc.sql("""
                        INSERT INTO notification
                            (tenant_id, staff_id, priority, title, body, group_key, created_at, sender_id)
                        VALUES (:tenant, :staff, :priority, :title, :body, :groupKey, :now, :sender) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("staff", staffId)
                .param("priority", priority.wireName())
                .param("title", title)
                .param("body", body)
                .param("groupKey", groupKey)
                .param("now", Timestamp.from(now))
                .param("sender", senderId, Types.BIGINT)
                .query(Long.class)
                .single();
    }

    /** A staff member's notifications, newest first, with the sender's name from {@code staff}. */
    List<NotificationView> of(long tenant, long staffId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                        SELECT n.id, n.priority, n.title, n.body, n.group_key, n.created_at, n.read_at IS NOT NULL,
                               sender.display_name
                        FROM notification n
                        LEFT JOIN staff sender ON sender.tenant_id = n.tenant_id AND sender.id = n.sender_id
                        WHERE n.tenant_id = :tenant AND n.staff_id = :staff AND (NOT :unreadOnly OR n.read_at IS NULL)
                        ORDER BY n.id DESC LIMIT :limit
                        """)
                .param("tenant", tenant)
                .param("staff", staffId)
                .param("unreadOnly", unreadOnly)
                .param("limit", limit)
                .query((rs, n) -> new NotificationView(
                        rs.getString(1),
                        NotificationPriority.fromWireName(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7),
                        rs.getString(8)))
                .list();
    }

    /** Locks one of a staff member's notifications and says whether it was read; empty when it is not theirs. */
    Optional<Boolean> lockRead(long tenant, long staffId, long id) {
        return jdbc.sql("""
                        SELECT read_at IS NOT NULL FROM notification
                        WHERE tenant_id = :tenant AND staff_id = :staff AND id = :id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("staff", staffId)
                .param("id", id)
                .query(Boolean.class)
                .optional();
    }

    List<Long> lockUnread(long tenant, long staffId) {
        return jdbc.sql("""
                        SELECT id FROM notification
                        WHERE tenant_id = :tenant AND staff_id = :staff AND read_at IS NULL ORDER BY id FOR UPDATE
                        """)
                .param("tenant", tenant)
                .param("staff", staffId)
                .query(Long.class)
                .list();
    }

    void markRead(long tenant, List<Long> ids, Instant now) {
        jdbc.sql("UPDATE notification SET read_at = :now WHERE tenant_id = :tenant AND id IN (:ids)")
                .param("now", Timestamp.from(now))
                .param("tenant", tenant)
                .param("ids", ids)
                .update();
    }

    boolean running(long tenant, long activeGroupId) {
        return Rows.exist(jdbc.sql(
                        "SELECT count(*) FROM active_group WHERE tenant_id = :tenant AND id = :id AND ended_at IS NULL")
                .param("tenant", tenant)
                .param("id", activeGroupId));
    }

    List<Long> supervisorsInRoom(long tenant, long roomId) {
        return jdbc.sql("""
                        SELECT s.staff_id FROM active_group g
                        JOIN active_group_supervisor s ON s.active_group_id = g.id
                        JOIN staff st ON st.id = s.staff_id AND st.enabled
                        WHERE g.tenant_id = :tenant AND g.room_id = :room AND g.ended_at IS NULL
                        ORDER BY s.staff_id
                        """)
                .param("tenant", tenant)
                .param("room", roomId)
                .query(Long.class)
                .list();
    }

    List<Long> supervisorsOf(long tenant, long activeGroupId) {
        return jdbc.sql("""
                        SELECT s.staff_id FROM active_group_supervisor s JOIN staff st ON st.id = s.staff_id
                        WHERE s.tenant_id = :tenant AND s.active_group_id = :group AND st.enabled
                        ORDER BY s.staff_id
                        """)
                .param("tenant", tenant)
                .param("group", activeGroupId)
                .query(Long.class)
                .list();
    }
}
