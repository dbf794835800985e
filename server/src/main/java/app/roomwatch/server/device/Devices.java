package app.roomwatch.server.device;

import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.DeviceUpdate;
import app.roomwatch.model.event.DeviceStatus;
import app.roomwatch.model.event.DeviceStatusChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.room.RoomArchive;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scanners and their API keys. A key reads {@code rw_<keyId>_<secret>}: the key id finds the device, the secret (32
 * random bytes) is stored only as its SHA-256 and compared in constant time. A hash without salt or stretching is
 * right here because the secret is high-entropy, unlike a password.
 */
@Service
public class Devices implements RoomArchive.Scanners {

    private static final Logger log = LoggerFactory.getLogger(Devices.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rw_";

    /** A scanner that proved its key; in {@link DeviceMode#ASSIGN} its scans only read tags. */
    public record Device(long id, long tenantId, long roomId, String name, DeviceStatus status, DeviceMode mode) {}

    private record Key(String keyId, String secret) {
        String apiKey() {
            return PREFIX + keyId + "_" + secret;
        }
    }

    private static final Duration MARK_INTERVAL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, Instant> lastMarked = new ConcurrentHashMap<>();

    Devices(JdbcClient jdbc, EventLog events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DeviceKey register(StaffPrincipal actor, String name, String roomId) {
        long tenantId = actor.tenantId();
        long room = requireRoom(tenantId, roomId);
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
        audit.record(actor, AuditAction.DEVICE_REGISTERED, Ids.of(id), name.strip(), Map.of("roomId", Ids.of(room)));
        log.info("Device {} registered for room {} of tenant {}", id, room, tenantId);
        return new DeviceKey(Ids.of(id), key.apiKey());
    }

    /**
     * Renames a device, moves it to another room or switches its mode. A device leaving assign mode forgets the last
     * tag it read. Consoles hear of it through {@code device_status}.
     */
    @Transactional
    public DeviceRecord update(StaffPrincipal actor, String deviceId, DeviceUpdate update) {
        long tenantId = actor.tenantId();
        long id = Ids.parse(deviceId, "device");
        long room = requireRoom(tenantId, update.roomId());
        record Before(String name, long roomId, String mode) {}
        Before before = jdbc.sql(
                        "SELECT name, room_id, mode FROM device WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) -> new Before(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        String status = jdbc.sql("""
                        UPDATE device SET name = :name, room_id = :room, mode = :mode,
                               last_tag = CASE WHEN :mode = 'assign' THEN last_tag END,
                               last_tag_at = CASE WHEN :mode = 'assign' THEN last_tag_at END
                        WHERE tenant_id = :tenant AND id = :id RETURNING status
                        """)
                .param("name", update.name().strip())
                .param("room", room)
                .param("mode", update.mode().wireName())
                .param("tenant", tenantId)
                .param("id", id)
                .query(String.class)
                .single();
        events.append(
                tenantId,
                Topic.TENANT,
                new DeviceStatusChanged(Ids.of(id), Ids.of(room), DeviceStatus.fromWireName(status)));
        Map<String, String> changed = new TreeMap<>();
        if (!before.name().equals(update.name().strip())) {
            changed.put("name", update.name().strip());
        }
        if (before.roomId() != room) {
            changed.put("roomId", Ids.of(room));
        }
        if (!before.mode().equals(update.mode().wireName())) {
            changed.put("mode", update.mode().wireName());
        }
        audit.record(
                actor, AuditAction.DEVICE_UPDATED, Ids.of(id), update.name().strip(), changed);
        log.info(
                "Device {} of tenant {} updated (room {}, mode {})",
                id,
                tenantId,
                room,
                update.mode().wireName());
        return one(tenantId, id);
    }

    /** A new key for a device; the old one stops working at once. A revoked device comes back with it. */
    @Transactional
    public DeviceKey rotate(StaffPrincipal actor, String deviceId) {
        long tenantId = actor.tenantId();
        long id = Ids.parse(deviceId, "device");
        Key key = newKey();
        record Rotated(long roomId, String name) {}
        Rotated rotated = jdbc.sql("""
                        UPDATE device SET key_id = :keyId, key_hash = :hash, status = 'online'
                        WHERE tenant_id = :tenant AND id = :id RETURNING room_id, name
                        """)
                .param("keyId", key.keyId())
                .param("hash", sha256(key.secret()))
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) -> new Rotated(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        events.append(
                tenantId,
                Topic.TENANT,
                new DeviceStatusChanged(Ids.of(id), Ids.of(rotated.roomId()), DeviceStatus.ONLINE));
        audit.record(actor, AuditAction.DEVICE_ROTATED, Ids.of(id), rotated.name(), Map.of());
        log.info("Device {} of tenant {} got a new key", id, tenantId);
        return new DeviceKey(Ids.of(id), key.apiKey());
    }

    @Transactional
    public void revoke(StaffPrincipal actor, String deviceId) {
        long tenantId = actor.tenantId();
        long id = Ids.parse(deviceId, "device");
        String name = revoke(tenantId, id).orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        audit.record(actor, AuditAction.DEVICE_REVOKED, Ids.of(id), name, Map.of());
    }

    /**
     * Revokes every scanner of a room that is being archived, in the caller's transaction; each publishes
     * {@code device_status} revoked and gets its own audit entry.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAllIn(StaffPrincipal actor, long roomId) {
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM device WHERE tenant_id = :tenant AND room_id = :room AND status <> 'revoked'
                        ORDER BY id
                        """)
                .param("tenant", actor.tenantId())
                .param("room", roomId)
                .query(Long.class)
                .list();
        for (long id : ids) {
            revoke(actor.tenantId(), id)
                    .ifPresent(name -> audit.record(
                            actor, AuditAction.DEVICE_REVOKED, Ids.of(id), name, Map.of("reason", "room_archived")));
        }
    }

    /** Revokes the device and answers its name; empty when the tenant has no such device. */
    private Optional<String> revoke(long tenantId, long id) {
        // A fresh random hash: the old key can never match again.
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        record Revoked(long roomId, String name) {}
        Optional<Revoked> revoked = jdbc.sql("""
                        UPDATE device SET status = 'revoked', key_hash = :hash
                        WHERE tenant_id = :tenant AND id = :id RETURNING room_id, name
                        """)
                .param("hash", unusable)
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) -> new Revoked(rs.getLong(1), rs.getString(2)))
                .optional();
        revoked.ifPresent(r -> {
            events.append(
                    tenantId,
                    Topic.TENANT,
                    new DeviceStatusChanged(Ids.of(id), Ids.of(r.roomId()), DeviceStatus.REVOKED));
            log.info("Device {} of tenant {} revoked", id, tenantId);
        });
        return revoked.map(Revoked::name);
    }

    /**
     * A scanner in assign mode read {@code tag}: it becomes the device's last tag, and admin consoles hear of it
     * through {@code device_status} (they refetch the device list). Nobody is checked in or out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tagRead(Device device, String tag) {
        String status = jdbc.sql("""
                        UPDATE device SET last_tag = :tag, last_tag_at = :now
                        WHERE tenant_id = :tenant AND id = :id RETURNING status
                        """)
                .param("tag", tag)
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", device.tenantId())
                .param("id", device.id())
                .query(String.class)
                .single();
        events.append(
                device.tenantId(),
                Topic.TENANT,
                new DeviceStatusChanged(
                        Ids.of(device.id()), Ids.of(device.roomId()), DeviceStatus.fromWireName(status)));
    }

    public List<DeviceRecord> list(long tenantId) {
        return jdbc.sql(SELECT_RECORD + " WHERE tenant_id = :tenant ORDER BY name, id")
                .param("tenant", tenantId)
                .query((rs, n) -> record(rs))
                .list();
    }

    private DeviceRecord one(long tenantId, long id) {
        return jdbc.sql(SELECT_RECORD + " WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) -> record(rs))
                .single();
    }

    private static final String SELECT_RECORD =
            "SELECT id, name, room_id, status, last_seen_at, mode, last_tag, last_tag_at FROM device";

    private static DeviceRecord record(ResultSet rs) throws SQLException {
        return new DeviceRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                DeviceStatus.fromWireName(rs.getString(4)),
                instant(rs.getTimestamp(5)),
                DeviceMode.fromWireName(rs.getString(6)),
                rs.getString(7),
                instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The id of a room scanners may be placed in: the tenant's, not archived. */
    private long requireRoom(long tenantId, String roomId) {
        long room = Ids.parseField(roomId, "roomId");
        boolean roomExists =
                jdbc.sql("SELECT count(*) FROM room WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL")
                                .param("tenant", tenantId)
                                .param("id", room)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!roomExists) {
            throw ApiException.notFound("There is no room " + roomId);
        }
        return room;
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
        return jdbc.sql("SELECT id, tenant_id, room_id, name, status, key_hash, mode FROM device WHERE key_id = :keyId")
                .param("keyId", keyId)
                .query((rs, n) -> new Row(
                        new Device(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getString(4),
                                DeviceStatus.fromWireName(rs.getString(5)),
                                DeviceMode.fromWireName(rs.getString(7))),
                        rs.getBytes(6)))
                .optional()
                .filter(row -> MessageDigest.isEqual(row.hash(), presented))
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
