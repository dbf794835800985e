package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.event.DeviceStatus;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * Scanners: register one for a room (its key shown once), rotate its key, revoke it, and put it in assign mode to
 * read a tag for a child. The list is live: every {@code device_status} event refetches it, a burst once; a scan
 * (a check-in or check-out by scanner) refetches it too, at most every few seconds, for the last-report times.
 */
public final class ScannersAdminViewModel {

    /** A scanner's new key, to show this once: the server keeps only a hash. */
    public record ShownKey(String scannerName, String apiKey) {
        @Override
        public String toString() {
            return "ShownKey[scannerName=" + scannerName + ", apiKey=***]";
        }
    }

    private final AdminApi api;
    private final AdminRows<DeviceRecord> rows;
    private final ObservableList<RoomRecord> rooms;
    /** A scanner's last report is shown to the minute: a busy door need not refetch the list on every scan. */
    static final java.time.Duration SEEN_WINDOW = java.time.Duration.ofSeconds(5);

    private final Coalescer refetch;
    private final Coalescer seen;
    private final ReadOnlyObjectWrapper<ShownKey> key = new ReadOnlyObjectWrapper<>(this, "key");

    ScannersAdminViewModel(
            AdminApi api,
            TaskExecutor tasks,
            Scheduler scheduler,
            Messages messages,
            ObservableList<RoomRecord> rooms) {
        this.api = api;
        this.rooms = rooms;
        this.rows = new AdminRows<>(api::devices, DeviceRecord::id, tasks, messages);
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
        this.seen = new Coalescer(scheduler, SEEN_WINDOW, this::reload);
    }

    public AdminRows<DeviceRecord> rows() {
        return rows;
    }

    /** The rooms a scanner can be put at. */
    public ObservableList<RoomRecord> rooms() {
        return rooms;
    }

    /** A key to show once, or {@code null}; {@link #keyShown()} forgets it. */
    public ReadOnlyObjectProperty<ShownKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public void keyShown() {
        key.set(null);
    }

    public void reload() {
        refetch.cancel();
        seen.cancel();
        rows.reload();
    }

    /** A scanner went online, silent or was revoked, or read a tag in assign mode. */
    public void onDevicesChanged() {
        refetch.trigger();
    }

    /** A scanner checked a child in or out: its last report changed. */
    public void onScannerUsed() {
        seen.trigger();
    }

    public void register(String name, RoomRecord room) {
        if (name == null || name.isBlank() || room == null) {
            rows.refuse("admin.scanners.missing");
            return;
        }
        String scanner = name.strip();
        rows.act(
                () -> api.registerDevice(scanner, room.id()),
                made -> key.set(new ShownKey(scanner, made.apiKey())),
                null,
                "admin.scanners.registered",
                scanner,
                room.name());
    }

    /** A new key for the scanner; the old one stops working at once. */
    public void rotate(DeviceRecord scanner) {
        rows.act(
                () -> api.rotateDevice(scanner.id()),
                made -> key.set(new ShownKey(scanner.name(), made.apiKey())),
                null,
                "admin.scanners.rotated",
                scanner.name());
    }

    public void revoke(DeviceRecord scanner) {
        rows.act(
                () -> {
                    api.revokeDevice(scanner.id());
                    return null;
                },
                "admin.scanners.revoked",
                scanner.name());
    }

    /** Assign mode: the scanner's next reads check nobody in or out, they only show the tag here. */
    public void assignMode(DeviceRecord scanner, boolean on) {
        DeviceMode mode = on ? DeviceMode.ASSIGN : DeviceMode.SCAN;
        rows.act(
                () -> api.changeDevice(scanner.id(), scanner.name(), scanner.roomId(), mode),
                on ? "admin.scanners.assignOn" : "admin.scanners.assignOff",
                scanner.name());
    }

    /** The scanner as the list shows it now (its last read tag changes while in assign mode). */
    public DeviceRecord current(String id) {
        return rows.rows().items().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    public String roomName(DeviceRecord scanner) {
        return rooms.stream()
                .filter(r -> Objects.equals(r.id(), scanner.roomId()))
                .map(RoomRecord::name)
                .findFirst()
                .orElse("");
    }

    /** Registered but never heard from: the server calls it online, but nothing has reached it yet. */
    public static boolean awaitingFirstReport(DeviceRecord scanner) {
        return scanner.status() != DeviceStatus.REVOKED && scanner.lastSeenAt() == null;
    }

    public static boolean usable(DeviceRecord scanner) {
        return scanner.status() != DeviceStatus.REVOKED;
    }
}
