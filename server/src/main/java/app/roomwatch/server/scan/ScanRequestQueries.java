package app.roomwatch.server.scan;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code scan_request} table: each scanner's Idempotency-Keys and the answers given to them. */
@Component
class ScanRequestQueries {

    /** An answer given before: the request's hash, and the status and body answered. */
    record Earlier(byte[] hash, int status, String body) {}

    private final JdbcClient jdbc;

    ScanRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key; false when it was claimed before (a concurrent one waits here until the first commits). */
    boolean claim(long tenantId, long deviceId, String key, byte[] requestHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO scan_request (tenant_id, device_id, idempotency_key, request_hash, created_at)
                        VALUES (:tenant, :device, :key, :hash, :now)
                        ON CONFLICT (device_id, idempotency_key) DO NOTHING
                        """)
                        .param("tenant", tenantId)
                        .param("device", deviceId)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    void answer(long deviceId, String key, int status, String body) {
        jdbc.sql("""
                        UPDATE scan_request SET status = :status, response = :body
                        WHERE device_id = :device AND idempotency_key = :key
                        """)
                .param("status", status)
                .param("body", body)
                .param("device", deviceId)
                .param("key", key)
                .update();
    }

    Earlier earlier(long deviceId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, response FROM scan_request
                        WHERE device_id = :device AND idempotency_key = :key
                        """)
                .param("device", deviceId)
                .param("key", key)
                .query((rs, n) -> new Earlier(rs.getBytes(1), rs.getInt(2), rs.getString(3)))
                .single();
    }
}
