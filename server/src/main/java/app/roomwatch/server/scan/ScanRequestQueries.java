package app.roomwatch.server.scan;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code scan_request} table: each scanner's Idempotency-Keys and the answers given to them. Each
 * statement takes any number of keys, so that scans committed together cost one statement each way.
 */
@Component
class ScanRequestQueries {

    /** A scanner's Idempotency-Key. */
    record Key(long deviceId, String idempotencyKey) {}

    /** An answer given before: the request's hash, and the status and body answered. */
    record Earlier(byte[] hash, int status, String body) {
        ScanService.Answer answer() {
            return new ScanService.Answer(status, body);
        }
    }

    /** A key to record with the answer given to it. */
    record Recorded(long tenantId, Key key, byte[] requestHash, ScanService.Answer answer) {}

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    ScanRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the keys with their answers; answers how many were new. A key recorded before is left as it was, and one
     * that a concurrent transaction is recording is waited for until that commits.
     */
    int record(List<Recorded> keys, Instant now) {
        if (keys.isEmpty()) {
            return 0;
        }
        int n = keys.size();
        Long[] tenants = new Long[n];
        Long[] devices = new Long[n];
        String[] idempotencyKeys = new String[n];
        String[] hashes = new String[n];
        Integer[] statuses = new Integer[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Recorded key = keys.get(i);
            tenants[i] = key.tenantId();
            devices[i] = key.key().deviceId();
            idempotencyKeys[i] = key.key().idempotencyKey();
            hashes[i] = HEX.formatHex(key.requestHash());
            statuses[i] = key.answer().status();
            bodies[i] = key.answer().body();
        }
        return jdbc.sql("""
                        INSERT INTO scan_request
                            (tenant_id, device_id, idempotency_key, request_hash, status, response, created_at)
                        SELECT tenant, device, idempotency_key, decode(hash, 'hex'), status, response, :now
                        FROM unnest(:tenants, :devices, :keys, :hashes, :statuses, :bodies)
                            AS k(tenant, device, idempotency_key, hash, status, response)
                        ON CONFLICT (device_id, idempotency_key) DO NOTHING
                        """)
                .param("tenants", tenants, Types.ARRAY)
                .param("devices", devices, Types.ARRAY)
                .param("keys", idempotencyKeys, Types.ARRAY)
                .param("hashes", hashes, Types.ARRAY)
                .param("statuses", statuses, Types.ARRAY)
                .param("bodies", bodies, Types.ARRAY)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The answers given before to any of these keys, by key. Both columns of the primary key are matched against
     * arrays, so that the lookup is index probes however large the table was when the plan was made (a join against
     * {@code unnest} is planned as a scan of the whole table while it is small); the rare row that matches one
     * scanner and another's key is dropped here.
     */
    Map<Key, Earlier> earlier(List<Key> keys) {
        Set<Key> asked = Set.copyOf(keys);
        Long[] devices = keys.stream().map(Key::deviceId).distinct().toArray(Long[]::new);
        String[] idempotencyKeys =
                keys.stream().map(Key::idempotencyKey).distinct().toArray(String[]::new);
        Map<Key, Earlier> earlier = new HashMap<>();
        jdbc.sql("""
                        SELECT device_id, idempotency_key, request_hash, status, response FROM scan_request
                        WHERE device_id = ANY(:devices) AND idempotency_key = ANY(:keys)
                        """)
                .param("devices", devices, Types.ARRAY)
                .param("keys", idempotencyKeys, Types.ARRAY)
                .query(rs -> {
                    Key key = new Key(rs.getLong(1), rs.getString(2));
                    if (asked.contains(key)) {
                        earlier.put(key, new Earlier(rs.getBytes(3), rs.getInt(4), rs.getString(5)));
                    }
                });
        return earlier;
    }
}
