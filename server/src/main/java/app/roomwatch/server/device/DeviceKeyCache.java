package app.roomwatch.server.device;

import app.roomwatch.model.event.DeviceStatus;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.device.Devices.Device;
import app.roomwatch.server.event.ControlChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scanners' keys as last read, so that a scan costs no query to authenticate. A key that is rotated or revoked
 * stops working at once on every instance: the changing transaction sends a notice on the control channel (delivered
 * on commit) that makes every instance forget that device, and this instance forgets it right after the commit,
 * before the admin's request is answered. Nothing kept is used while this instance does not hear the channel (a
 * notice may be lost then), and nothing is kept longer than {@link #KEEP_FOR}, so even a listening connection that
 * died without a sound leaves a revoked key working for at most that long.
 */
@Component
class DeviceKeyCache {

    static final String KEY_CHANGED = "device_key_changed";
    static final Duration KEEP_FOR = Duration.ofSeconds(10);

    /** A device and its key's hash as read, and when. */
    private record Entry(DeviceQueries.Keyed keyed, long readAtNanos) {}

    private final DeviceQueries queries;
    private final ConcurrentHashMap<String, Entry> byKeyId = new ConcurrentHashMap<>();
    /** Raised by every forgetting, so that a read that began before it is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    private volatile boolean hearing;

    DeviceKeyCache(DeviceQueries queries) {
        this.queries = queries;
    }

    /** What is kept for {@code keyId}, if it may be trusted. */
    Optional<DeviceQueries.Keyed> get(String keyId) {
        if (!hearing) {
            return Optional.empty();
        }
        Entry entry = byKeyId.get(keyId);
        if (entry == null || System.nanoTime() - entry.readAtNanos() > KEEP_FOR.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(entry.keyed());
    }

    /** Taken before reading a key from the database, and handed to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** Keeps what was read, unless something was forgotten since the read began (it may be what was read). */
    void keep(String keyId, DeviceQueries.Keyed keyed, long readGeneration) {
        if (!hearing || generation.get() != readGeneration) {
            return;
        }
        Entry entry = new Entry(keyed, System.nanoTime());
        byKeyId.put(keyId, entry);
        if (generation.get() != readGeneration) {
            byKeyId.remove(keyId, entry);
        }
    }

    /** The device was just marked online: what is kept says so, so that the next scans need not mark it again. */
    void markedOnline(long deviceId) {
        for (String keyId : byKeyId.keySet()) {
            byKeyId.computeIfPresent(
                    keyId,
                    (id, entry) -> entry.keyed().device().id() == deviceId
                            ? new Entry(
                                    new DeviceQueries.Keyed(
                                            online(entry.keyed().device()),
                                            entry.keyed().hash()),
                                    entry.readAtNanos())
                            : entry);
        }
    }

    /**
     * In the transaction that changes a device's key or status: every instance forgets the device when it commits,
     * this one before the transaction's caller goes on.
     */
    void keyChanging(long deviceId) {
        queries.announceKeyChanged(
                SessionControl.CHANNEL, "{\"type\":\"" + KEY_CHANGED + "\",\"deviceId\":\"" + deviceId + "\"}");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget(deviceId);
            }
        });
    }

    @EventListener
    void on(ControlChannel.Notice notice) {
        if (KEY_CHANGED.equals(notice.type())) {
            forget(Long.parseLong(notice.message().path("deviceId").asString()));
        }
    }

    @EventListener
    void on(ControlChannel.Hearing hearing) {
        this.hearing = hearing.listening();
        generation.incrementAndGet();
        byKeyId.clear();
    }

    private void forget(long deviceId) {
        generation.incrementAndGet();
        byKeyId.values().removeIf(entry -> entry.keyed().device().id() == deviceId);
    }

    private static Device online(Device device) {
        return new Device(
                device.id(), device.tenantId(), device.roomId(), device.name(), DeviceStatus.ONLINE, device.mode());
    }
}
