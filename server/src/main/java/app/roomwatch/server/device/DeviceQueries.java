package app.roomwatch.server.device;

import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.event.DeviceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code device} table. */
@Component
class DeviceQueries {

    /** A device and the hash of its key's secret. */
    record Keyed(Devices.Device device, byte[] hash) {}

    /** What a device's change starts from. */
    record Placed(long roomId, String name, DeviceMode mode) {}

    private static final String SELECT_RECORD =
            "SELECT id, name, room_id, status, last_seen_at, mode, last_tag, last_tag_at FROM device";

    private final JdbcClient jdbc;

    DeviceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenant, String name, long room, String keyId, byte[] hash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO device (tenant_id, name, room_id, key_id, key_hash, status, created_at)
                        VALUES (:tenant, :name, :room, :keyId, :hash, 'online', :now) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("name", name)
                .param("room", room)
                .param("keyId", keyId)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Gives a device a new key and status; answers its room, or empty when the tenant has no such device. A
     * {@code null} key id keeps the old one.
     */
    Optional<Placed> rekey(long tenant, long id, String keyId, byte[] hash, DeviceStatus status) {
        return jdbc.sql("""
                        UPDATE device SET key_id = coalesce(:keyId, key_id), key_hash = :hash, status = :status
                        WHERE tenant_id = :tenant AND id = :id RETURNING room_id, name, mode
                        """)
                .param("keyId", keyId)
                .param("hash", hash)
                .param("status", status.wireName())
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> placed(rs))
                .optional();
    }

    /** Locks a device for a change; empty when the tenant has no such device. */
    Optional<Placed> lock(long tenant, long id) {
        return jdbc.sql("SELECT room_id, name, mode FROM device WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> placed(rs))
                .optional();
    }

    /** Renames, moves or switches a device; leaving assign mode forgets its last tag. Answers its status. */
    DeviceStatus update(long tenant, long id, String name, long room, DeviceMode mode) {
        return jdbc.sql("""
                        UPDATE device SET name = :name, room_id = :room, mode = :mode,
                               last_tag = CASE WHEN :mode = 'assign' THEN last_tag END,
                               last_tag_at = CASE WHEN :mode = 'assign' THEN last_tag_at END
                        WHERE tenant_id = :tenant AND id = :id RETURNING status
                        """)
                .param("name", name)
                .param("room", room)
                .param("mode", mode.wireName())
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> DeviceStatus.fromWireName(rs.getString(1)))
                .single();
    }

    /** Records the tag a device in assign mode read; answers its status. */
    DeviceStatus tagRead(long tenant, long id, String tag, Instant now) {
        return jdbc.sql("""
                        UPDATE device SET last_tag = :tag, last_tag_at = :now
                        WHERE tenant_id = :tenant AND id = :id RETURNING status
                        """)
                .param("tag", tag)
                .param("now", Timestamp.from(now))
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> DeviceStatus.fromWireName(rs.getString(1)))
                .single();
    }

    /** The devices of a room that are not revoked, by id. */
    List<Long> unrevokedIn(long tenant, long room) {
        return jdbc.sql("""
                        SELECT id FROM device WHERE tenant_id = :tenant AND room_id = :room AND status <> 'revoked'
                        ORDER BY id
                        """)
                .param("tenant", tenant)
                .param("room", room)
                .query(Long.class)
                .list();
    }

    List<DeviceRecord> list(long tenant) {
        return jdbc.sql(SELECT_RECORD + " WHERE tenant_id = :tenant ORDER BY name, id")
                .param("tenant", tenant)
                .query((rs, n) -> record(rs))
                .list();
    }

    DeviceRecord one(long tenant, long id) {
        return jdbc.sql(SELECT_RECORD + " WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> record(rs))
                .single();
    }

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

    private static Placed placed(ResultSet rs) throws SQLException {
        return new Placed(rs.getLong(1), rs.getString(2), DeviceMode.fromWireName(rs.getString(3)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    Optional<Keyed> byKeyId(String keyId) {
        return jdbc.sql("SELECT id, tenant_id, room_id, name, status, key_hash, mode FROM device WHERE key_id = :keyId")
                .param("keyId", keyId)
                .query((rs, n) -> new Keyed(
                        new Devices.Device(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getString(4),
                                DeviceStatus.fromWireName(rs.getString(5)),
                                DeviceMode.fromWireName(rs.getString(7))),
                        rs.getBytes(6)))
                .optional();
    }

    /**
     * Marks a device seen now and online unless revoked; answers the status it had, or empty if revoked. The old row
     * is locked as the update locks it ({@code NO KEY UPDATE}), which does not wait for the scanner's scans still in
     * flight: their Idempotency-Keys' foreign keys hold the device's row {@code KEY SHARE} until they commit.
     */
    Optional<String> markSeen(Devices.Device device, Instant now) {
        return jdbc.sql("""
                        UPDATE device d SET last_seen_at = :now, status = 'online'
                        FROM (SELECT id, status FROM device WHERE id = :id FOR NO KEY UPDATE) old
                        WHERE d.id = old.id AND d.tenant_id = :tenant AND d.status <> 'revoked'
                        RETURNING old.status
                        """)
                .param("now", Timestamp.from(now))
                .param("id", device.id())
                .param("tenant", device.tenantId())
                .query(String.class)
                .optional();
    }

    /** Tells every instance, when the caller's transaction commits, that a device's key or status changed. */
    void announceKeyChanged(String channel, String message) {
        jdbc.sql("SELECT pg_notify(:channel, :message)")
                .param("channel", channel)
                .param("message", message)
                .query((rs, n) -> 1)
                .list();
    }

    /** Marks one online device of any tenant unheard since {@code since} silent; reads its room's name too. */
    Optional<Devices.Silent> markOneSilent(Instant since) {
        return jdbc.sql("""
                        UPDATE device d SET status = 'silent' FROM room r
                        WHERE d.id = (SELECT id FROM device
                                      WHERE status = 'online' AND coalesce(last_seen_at, created_at) <= :since
                                      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                          AND r.id = d.room_id
                        RETURNING d.id, d.tenant_id, d.room_id, d.name, r.name
                        """)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Devices.Silent(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
