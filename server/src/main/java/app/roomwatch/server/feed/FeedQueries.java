package app.roomwatch.server.feed;

import app.roomwatch.server.auth.StaffPrincipal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed is a read model and owns no table: it reads the event log in the stream's scope, ended activities its
 * caller supervised included (it asks {@code active_group_supervisor} who supervises what), and the names of the activities, rooms and scanners the
 * events name.
 */
@Component
class FeedQueries {

    /** One logged event, newest first. */
    record Row(String cursor, String type, Instant at, JsonNode data) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Row> page(StaffPrincipal me, FeedCursor before, int limit) {
        return jdbc.sql("""
                        SELECT e.tx_id::text || '-' || e.id, e.type, e.emitted_at, e.payload::text FROM event e
                        WHERE e.tenant_id = :tenant
                          AND e.type NOT IN ('room_occupancy', 'notification_read')
                          AND (e.tx_id, e.id) < (CAST(:beforeTx AS text)::xid8, :beforeId)
                          AND (e.topic = 'tenant'
                               OR e.topic = 'staff:' || :staff
                               OR (:admin AND e.topic LIKE 'active-group:%')
                               OR e.topic IN (SELECT 'active-group:' || s.active_group_id
                                              FROM active_group_supervisor s
                                              WHERE s.tenant_id = :tenant AND s.staff_id = :staff))
                        ORDER BY e.tx_id DESC, e.id DESC LIMIT :limit
                        """)
                .param("tenant", me.tenantId())
                .param("beforeTx", Long.toUnsignedString(before.txId()))
                .param("beforeId", before.id())
                .param("admin", me.isAdmin())
                .param("staff", me.staffId())
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        json.readTree(rs.getString(4))))
                .list();
    }

    /** The names of some rows of {@code table} (active_group, room or device), by id. */
    Map<String, String> names(String table, long tenant, Set<Long> ids) {
        if (!List.of("active_group", "room", "device").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id::text, name FROM " + table + " WHERE tenant_id = :tenant AND id IN (:ids)")
                    .param("tenant", tenant)
                    .param("ids", ids)
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return names;
    }
}
