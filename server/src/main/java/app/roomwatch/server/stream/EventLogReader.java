package app.roomwatch.server.stream;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPayload;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event log in cursor order {@code (tx_id, id)}. Reads that can reach the end of the log stop at the
 * fence {@code pg_snapshot_xmin(pg_current_snapshot())}, taken in the same statement: every transaction below it has
 * finished, so no row can later appear behind a cursor handed out from here, however transactions interleave.
 */
@Component
class EventLogReader {

    private static final String COLUMNS = "SELECT id, tx_id::text AS tx, tenant_id, topic, type, version,"
            + " payload::text AS payload, emitted_at FROM event ";
    private static final String AFTER = "(tx_id, id) > (CAST(CAST(:afterTx AS text) AS xid8), :afterId)";
    private static final String UP_TO = "(tx_id, id) <= (CAST(CAST(:upToTx AS text) AS xid8), :upToId)";
    private static final String BELOW_FENCE = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    private static final Map<String, Class<?>> PAYLOAD_TYPES = Arrays.stream(
                    EventPayload.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));

    private static final Logger log = LoggerFactory.getLogger(EventLogReader.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Frames frames;

    EventLogReader(JdbcClient jdbc, JsonMapper json, Frames frames) {
        this.jdbc = jdbc;
        this.json = json;
        this.frames = frames;
    }

    /** The next events of every tenant after {@code after}, up to the fence: what the hub fans out. */
    List<StoredEvent> readAll(Cursor after, int limit) {
        return jdbc.sql(COLUMNS + "WHERE " + AFTER + " AND " + BELOW_FENCE + " ORDER BY tx_id, id LIMIT :limit")
                .param("afterTx", Long.toString(after.txId()))
                .param("afterId", after.id())
                .param("limit", limit)
                .query(this::event)
                .list();
    }

    /**
     * The events of one scope after {@code after}, in cursor order: up to {@code upTo} (a position already read below
     * the fence, so final) or, when it is empty, up to the fence.
     */
    List<StoredEvent> readScope(Scope scope, Cursor after, Optional<Cursor> upTo, int limit) {
        String topicFilter =
                scope.admin() ? "(topic = ANY(:topics) OR topic LIKE 'active-group:%')" : "topic = ANY(:topics)";
        String end = upTo.isPresent() ? UP_TO : BELOW_FENCE;
        var statement = jdbc.sql(COLUMNS + "WHERE tenant_id = :tenant AND " + AFTER + " AND " + end + " AND "
                        + topicFilter + " ORDER BY tx_id, id LIMIT :limit")
                .param("tenant", scope.tenantId())
                .param("afterTx", Long.toString(after.txId()))
                .param("afterId", after.id())
                .param("topics", scope.topics().toArray(String[]::new))
                .param("limit", limit);
        if (upTo.isPresent()) {
            statement = statement
                    .param("upToTx", Long.toString(upTo.get().txId()))
                    .param("upToId", upTo.get().id());
        }
        return statement.query(this::event).list();
    }

    /** The last position below the fence: where a hub starts. */
    Cursor head() {
        return jdbc.sql("SELECT tx_id::text AS tx, id FROM event WHERE " + BELOW_FENCE
                        + " ORDER BY tx_id DESC, id DESC LIMIT 1")
                .query((rs, n) -> new Cursor(Long.parseLong(rs.getString("tx")), rs.getLong("id")))
                .optional()
                .orElse(Cursor.START);
    }

    /**
     * The last position of one tenant's events below the fence: where a client without a cursor begins. Another
     * tenant's position would tell a client how busy that tenant is and which of its cursors exist.
     */
    Cursor head(long tenantId) {
        return jdbc.sql("SELECT tx_id::text AS tx, id FROM event WHERE tenant_id = :tenant AND " + BELOW_FENCE
                        + " ORDER BY tx_id DESC, id DESC LIMIT 1")
                .param("tenant", tenantId)
                .query((rs, n) -> new Cursor(Long.parseLong(rs.getString("tx")), rs.getLong("id")))
                .optional()
                .orElse(Cursor.START);
    }

    /**
     * The committed events after {@code after}, fence or not, counted up to {@code cap}, and when the first of them
     * (in cursor order) was emitted: how far a reader at {@code after} is behind the log.
     */
    Backlog backlogAfter(Cursor after, int cap) {
        return jdbc.sql("SELECT count(*) AS events, min(emitted_at) AS oldest FROM (SELECT emitted_at FROM event"
                        + " WHERE " + AFTER + " ORDER BY tx_id, id LIMIT :cap) AS behind")
                .param("afterTx", Long.toString(after.txId()))
                .param("afterId", after.id())
                .param("cap", cap)
                .query((rs, n) -> new Backlog(
                        rs.getLong("events"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** @param oldestEmittedAt null when nothing is behind */
    record Backlog(long events, Instant oldestEmittedAt) {}

    /**
     * Whether the log still holds everything of {@code tenantId} after {@code cursor}. The pruner deletes a prefix of
     * the log in cursor order, so a cursor is resumable exactly when its own event is still there; one that names
     * another tenant's event is answered like one that names no event at all, so that no tenant can test which of
     * another's cursors exist. {@link Cursor#START} asks for everything the log keeps.
     */
    boolean canResume(long tenantId, Cursor cursor) {
        if (cursor.equals(Cursor.START)) {
            return true;
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event WHERE tenant_id = :tenant AND id = :id"
                        + " AND tx_id = CAST(CAST(:tx AS text) AS xid8))")
                .param("tenant", tenantId)
                .param("id", cursor.id())
                .param("tx", Long.toString(cursor.txId()))
                .query(Boolean.class)
                .single();
    }

    private StoredEvent event(ResultSet row, int rowNum) throws SQLException {
        var cursor = new Cursor(Long.parseLong(row.getString("tx")), row.getLong("id"));
        long tenant = row.getLong("tenant_id");
        String type = row.getString("type");
        try {
            Class<?> payloadType = PAYLOAD_TYPES.get(type);
            if (payloadType == null) {
                throw new IllegalArgumentException("unknown type " + type);
            }
            var payload = (EventPayload) json.readValue(row.getString("payload"), payloadType);
            var envelope = new EventEnvelope(
                    cursor.toString(),
                    row.getInt("version"),
                    row.getString("topic"),
                    row.getTimestamp("emitted_at").toInstant(),
                    payload);
            return new StoredEvent(cursor, tenant, envelope, frames.event(envelope));
        } catch (RuntimeException e) {
            // One row this version can not read must not stall every stream behind it: it is passed over.
            log.warn("Event {} ({}) can not be read and is skipped: {}", cursor, type, e.toString());
            return StoredEvent.unreadable(cursor, tenant);
        }
    }
}
