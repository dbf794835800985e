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
import app.roomwatch.server.room.Rooms;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final DeviceQueries queries;
    private final Rooms rooms;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, Instant> lastMarked = new ConcurrentHashMap<>();
    private final DeviceKeyCache keys;
    private final TransactionTemplate transactions;

    Devices(
            DeviceQueries queries,
            Rooms rooms,
            EventLog events,
            AuditLog audit,
            Clock clock,
            DeviceKeyCache keys,
            TransactionTemplate transactions) {
        this.queries = queries;
        this.transactions = transactions;
        this.keys = keys;
        this.rooms = rooms;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DeviceKey register(StaffPrincipal actor, String name, String roomId) {
        long tenantId = actor.tenantId();
        long room = requireRoom(tenantId, roomId);
        Key key = newKey();
        long id = queries.insert(tenantId, name.strip(), room, key.keyId(), sha256(key.secret()), clock.instant());
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
        DeviceQueries.Placed before =
                queries.lock(tenantId, id).orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        String name = update.name().strip();
        DeviceStatus status = queries.update(tenantId, id, name, room, update.mode());
        // Scans read the room and mode from the key cache: every instance must read them afresh.
        keys.keyChanging(id);
        events.append(tenantId, Topic.TENANT, new DeviceStatusChanged(Ids.of(id), Ids.of(room), status));
        Map<String, String> changed = new TreeMap<>();
        if (!before.name().equals(name)) {
            changed.put("name", name);
        }
        if (before.roomId() != room) {
            changed.put("roomId", Ids.of(room));
        }
        if (before.mode() != update.mode()) {
            changed.put("mode", update.mode().wireName());
        }
        audit.record(actor, AuditAction.DEVICE_UPDATED, Ids.of(id), name, changed);
        log.info(
                "Device {} of tenant {} updated (room {}, mode {})",
                id,
                tenantId,
                room,
                update.mode().wireName());
        return queries.one(tenantId, id);
    }

    /** A new key for a device; the old one stops working at once. A revoked device comes back with it. */
    @Transactional
    public DeviceKey rotate(StaffPrincipal actor, String deviceId) {
        Key key = newKey();
        long id = Ids.parse(deviceId, "device");
        String name = rekey(actor.tenantId(), id, key.keyId(), sha256(key.secret()), DeviceStatus.ONLINE)
                .orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        audit.record(actor, AuditAction.DEVICE_ROTATED, Ids.of(id), name, Map.of());
        log.info("Device {} of tenant {} got a new key", id, actor.tenantId());
        return new DeviceKey(Ids.of(id), key.apiKey());
    }

    @Transactional
    public void revoke(StaffPrincipal actor, String deviceId) {
        long id = Ids.parse(deviceId, "device");
        String name =
                revoke(actor.tenantId(), id).orElseThrow(() -> ApiException.notFound("There is no device " + deviceId));
        audit.record(actor, AuditAction.DEVICE_REVOKED, Ids.of(id), name, Map.of());
    }

    /**
     * Revokes every scanner of a room that is being archived, in the caller's transaction; each publishes
     * {@code device_status} revoked and gets its own audit entry.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAllIn(StaffPrincipal actor, long roomId) {
        for (long id : queries.unrevokedIn(actor.tenantId(), roomId)) {
            revoke(actor.tenantId(), id)
                    .ifPresent(name -> audit.record(
                            actor, AuditAction.DEVICE_REVOKED, Ids.of(id), name, Map.of("reason", "room_archived")));
        }
    }

    /**
     * A scanner in assign mode read {@code tag}: it becomes the device's last tag, and admin consoles hear of it
     * through {@code device_status} (they refetch the device list). Nobody is checked in or out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tagRead(Device device, String tag) {
        DeviceStatus status = queries.tagRead(device.tenantId(), device.id(), tag, clock.instant());
        events.append(
                device.tenantId(),
                Topic.TENANT,
                new DeviceStatusChanged(Ids.of(device.id()), Ids.of(device.roomId()), status));
    }

    /** Revokes a device; answers its name, or empty when the tenant has no such device. */
    private Optional<String> revoke(long tenantId, long id) {
        // A fresh random hash: the old key can never match again.
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        Optional<String> name = rekey(tenantId, id, null, unusable, DeviceStatus.REVOKED);
        name.ifPresent(revoked -> log.info("Device {} of tenant {} revoked", id, tenantId));
        return name;
    }

    /**
     * Sets a device's key hash (and key id, unless {@code null}) and status, and announces the status; answers the
     * device's name, or empty when the tenant has no such device.
     */
    private Optional<String> rekey(long tenantId, long id, String keyId, byte[] hash, DeviceStatus status) {
        Optional<DeviceQueries.Placed> placed = queries.rekey(tenantId, id, keyId, hash, status);
        placed.ifPresent(device -> keys.keyChanging(id));
        placed.ifPresent(device -> events.append(
                tenantId, Topic.TENANT, new DeviceStatusChanged(Ids.of(id), Ids.of(device.roomId()), status)));
        return placed.map(DeviceQueries.Placed::name);
    }

    /** The id of a room scanners may be placed in: the tenant's, not archived. */
    private long requireRoom(long tenantId, String roomId) {
        long room = Ids.parseField(roomId, "roomId");
        if (!rooms.exists(tenantId, room)) {
            throw ApiException.notFound("There is no room " + roomId);
        }
        return room;
    }

    public List<DeviceRecord> list(long tenantId) {
        return queries.list(tenantId);
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
        Optional<DeviceQueries.Keyed> row = keys.get(keyId);
        if (row.isEmpty()) {
            long generation = keys.generation();
            row = queries.byKeyId(keyId);
            // Only a key that works is kept: a wrong or unknown key is read again every time.
            row.filter(found -> MessageDigest.isEqual(found.hash(), presented))
                    .filter(found -> found.device().status() != DeviceStatus.REVOKED)
                    .ifPresent(found -> keys.keep(keyId, found, generation));
        }
        return row.filter(found -> MessageDigest.isEqual(found.hash(), presented))
                .map(DeviceQueries.Keyed::device)
                .filter(device -> device.status() != DeviceStatus.REVOKED);
    }

    /**
     * Marks a device alive; one that had gone silent is announced online again. A device seen in the last few
     * seconds is not written again: silence is judged in minutes, and a busy door should not cost a write per scan,
     * nor even a transaction.
     */
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
        transactions.executeWithoutResult(status -> markSeen(device, now));
    }

    private void markSeen(Device device, Instant now) {
        Optional<String> before = queries.markSeen(device, now);
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

    /** A scanner that has just been marked silent, with its room's name. */
    public record Silent(long id, long tenantId, long roomId, String name, String roomName) {}

    /**
     * Marks one online scanner of any tenant that has not reported since {@code since} silent and announces it, in
     * the caller's transaction; several instances may do this at once. Empty when there is none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Silent> markOneSilent(Instant since) {
        Optional<Silent> silent = queries.markOneSilent(since);
        silent.ifPresent(device -> events.append(
                device.tenantId(),
                Topic.TENANT,
                new DeviceStatusChanged(Ids.of(device.id()), Ids.of(device.roomId()), DeviceStatus.SILENT)));
        return silent;
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
