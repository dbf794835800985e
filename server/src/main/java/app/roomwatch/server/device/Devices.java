package app.roomwatch.server.device;

import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.event.DeviceStatus;
import app.roomwatch.model.event.DeviceStatusChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scanners and their API keys. A key reads {@code rw_<keyId>_<secret>}: the key id finds the device, the secret (32
 * random bytes) is stored only as its SHA-256 and compared in constant time. A hash without salt or stretching is
 * right here because the secret is high-entropy, unlike a password.
 */
@Service
public class Devices {

    private static final Logger log = LoggerFactory.getLogger(Devices.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rw_";

    /** A scanner that proved its key. */
    public record Device(long id, long tenantId, long roomId, String name, DeviceStatus status) {}

    private record Key(String keyId, String secret) {
        String apiKey() {
            return PREFIX + keyId + "_" + secret;
        }
    }

    private static final Duration MARK_INTERVAL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Clock clock;
    private final Map<Long, Instant> lastMarked = new ConcurrentHashMap<>();
    private final DeviceKeyCache keys;

    Devices(JdbcClient jdbc, EventLog events, Clock clock, DeviceKeyCache keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public DeviceKey register(long tenantId, String name, String roomId) {
        long room = Ids.parseField(roomId, "roomId");
        boolean roomExists = jdbc.sql("SELECT count(*) FROM room WHERE tenant_id = :tenant AND id = :id")
                        .param("tenant", tenantId)
                        .param("id", room)
                        .query(Long.class)
                        .single()
                > 0;
        if (!roomExists) {
            throw ApiException.notFound("There is no room " + roomId);
        }
        Key key = newKey();
        long id = jdbc.sql("""
                        INSERT INTO device (tenant_id, name, room_id, key_id, key_hash, status, created_at)
                        VALUES (:tenant, :name, :room, :keyId, :hash, 'online', :now) RETURNING id
                        """)
                .param("tenant", tenantId)
                .param("name", name.strip())
                .param("room", room)
                .param("keyId", key.keyId())
                .param("hash", sha256(key.secret()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        log.info("Device {} registered for room {} of tenant {}", id, room, tenantId);
        return new DeviceKey(Ids.of(id), key.apiKey());
    }

    /** A new key for a device; the old one stops working at once. A revoked device comes back with it. */
    @Transactional
    public DeviceKey rotate(long tenantId, String deviceId) {
        long id = Ids.parse(deviceId, "device");
        Key key = newKey();
        Optional<Long> room = jdbc.sql("""
                        UPDATE device SET key_id = :keyId, key_hash = :hash, status = 'online'
                        WHERE tenant_id = :tenant AND id = :id RETURNING room_id
                        """)
                .param("keyId", key.keyId())
                .param("hash", sha256(key.secret()))
                .param("tenant", tenantId)
                .param("id", id)
                .query(Long.class)
                .optional();
        if (room.isEmpty()) {
            throw ApiException.notFound("There is no device " + deviceId);
        }
        keys.keyChanging(id);
        events.append(
                tenantId, Topic.TENANT, new DeviceStatusChanged(Ids.of(id), Ids.of(room.get()), DeviceStatus.ONLINE));
        log.info("Device {} of tenant {} got a new key", id, tenantId);
        return new DeviceKey(Ids.of(id), key.apiKey());
    }

    @Transactional
    public void revoke(long tenantId, String deviceId) {
        long id = Ids.parse(deviceId, "device");
        // A fresh random hash: the old key can never match again.
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        Optional<Long> room = jdbc.sql("""
                        UPDATE device SET status = 'revoked', key_hash = :hash
                        WHERE tenant_id = :tenant AND id = :id RETURNING room_id
                        """)
                .param("hash", unusable)
                .param("tenant", tenantId)
                .param("id", id)
                .query(Long.class)
                .optional();
        if (room.isEmpty()) {
            throw ApiException.notFound("There is no device " + deviceId);
        }
        keys.keyChanging(id);
        events.append(
                tenantId, Topic.TENANT, new DeviceStatusChanged(Ids.of(id), Ids.of(room.get()), DeviceStatus.REVOKED));
        log.info("Device {} of tenant {} revoked", id, tenantId);
    }

    public List<DeviceRecord> list(long tenantId) {
        return jdbc.sql("""
                        SELECT id, name, room_id, status, last_seen_at FROM device
                        WHERE tenant_id = :tenant ORDER BY name, id
                        """)
                .param("tenant", tenantId)
                .query((rs, n) -> new DeviceRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        DeviceStatus.fromWireName(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The device whose key this is, unless it is malformed, unknown, wrong or revoked. */
    public Optional<Device> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = apiKey.indexOf('_', PREFIX.length());
        if (split < 0) {
            return Optional.empty();
        }
        String keyId = apiKey.substring(PREFIX.length(), split);
        byte[] presented = sha256(apiKey.substring(split + 1));
        record Row(Device device, byte[] hash) {}
        Optional<Row> row = keys.get(keyId).map(kept -> new Row(kept.device(), kept.hash()));
        if (row.isEmpty()) {
            long generation = keys.generation();
            row = jdbc.sql("SELECT id, tenant_id, room_id, name, status, key_hash FROM device WHERE key_id = :keyId")
                    .param("keyId", keyId)
                    .query((rs, n) -> new Row(
                            new Device(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    DeviceStatus.fromWireName(rs.getString(5))),
                            rs.getBytes(6)))
                    .optional();
            // Only a key that works is kept: a wrong or unknown key is read again every time.
            row.filter(found -> MessageDigest.isEqual(found.hash(), presented))
                    .filter(found -> found.device().status() != DeviceStatus.REVOKED)
                    .ifPresent(found -> keys.keep(keyId, found.device(), found.hash(), generation));
        }
        return row.filter(found -> MessageDigest.isEqual(found.hash(), presented))
                .map(Row::device)
                .filter(device -> device.status() != DeviceStatus.REVOKED);
    }

    /**
     * Marks a device alive; one that had gone silent is announced online again. A device seen in the last few
     * seconds is not written again: silence is judged in minutes, and a busy door should not cost a write per scan.
     */
    @Transactional
    public void seen(Device device) {
        Instant now = clock.instant();
        Instant marked = lastMarked.get(device.id());
        if (device.status() == DeviceStatus.ONLINE
                && marked != null
                && marked.isAfter(now.minus(MARK_INTERVAL))
                && !marked.isAfter(now)) {
            return;
        }
        lastMarked.put(device.id(), now);
        Optional<String> before = jdbc.sql("""
                        UPDATE device d SET last_seen_at = :now, status = 'online'
                        FROM (SELECT id, status FROM device WHERE id = :id FOR UPDATE) old
                        WHERE d.id = old.id AND d.tenant_id = :tenant AND d.status <> 'revoked'
                        RETURNING old.status
                        """)
                .param("now", Timestamp.from(now))
                .param("id", device.id())
                .param("tenant", device.tenantId())
                .query(String.class)
                .optional();
        if (before.isPresent() && device.status() != DeviceStatus.ONLINE) {
            keys.markedOnline(device.id());
        }
        if (before.filter("silent"::equals).isPresent()) {
            events.append(
                    device.tenantId(),
                    Topic.TENANT,
                    new DeviceStatusChanged(Ids.of(device.id()), Ids.of(device.roomId()), DeviceStatus.ONLINE));
        }
    }

    private static Key newKey() {
        byte[] keyId = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(keyId);
        RANDOM.nextBytes(secret);
        return new Key(
                HexFormat.of().formatHex(keyId),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
