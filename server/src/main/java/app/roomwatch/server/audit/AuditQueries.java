package app.roomwatch.server.audit;

import app.roomwatch.model.api.admin.AuditEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the {@code audit_entry} table; {@link AuditLog} imports it, so that it comes along wherever that does.
 * An entry keeps the actor's display name as it was, read from {@code staff} when the entry is written.
 */
class AuditQueries {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(
            long tenant,
            Instant at,
            Long actorId,
            AuditAction action,
            String targetId,
            String targetName,
            Map<String, String> details) {
        jdbc.sql("""
                        INSERT INTO audit_entry (tenant_id, at, actor_id, actor_name, action, target_type, target_id,
                                                 target_name, details)
                        VALUES (:tenant, :at, :actorId,
                                (SELECT display_name FROM staff WHERE tenant_id = :tenant AND id = :actorId),
                                :action, :targetType, :targetId, :targetName, CAST(:details AS jsonb))
                        """)
                .param("tenant", tenant)
                .param("at", Timestamp.from(at))
                .param("actorId", actorId)
                .param("action", action.wireName())
                .param("targetType", action.targetType())
                .param("targetId", targetId)
                .param("targetName", targetName)
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /** The tenant's entries older than {@code before} (all when {@code null}), newest first. */
    List<AuditEntry> page(long tenant, int limit, Long before) {
        return jdbc.sql("""
                        SELECT id, at, actor_id, actor_name, action, target_type, target_id, target_name,
                               details::text
                        FROM audit_entry
                        WHERE tenant_id = :tenant AND (CAST(:before AS bigint) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("tenant", tenant)
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        json.readValue(rs.getString(9), DETAILS)))
                .list();
    }
}
