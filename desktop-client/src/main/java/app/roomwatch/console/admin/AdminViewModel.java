package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.RoomRecord;
import java.time.ZoneId;

/**
 * The admin area, for staff with the admin role only: staff, children, rooms and groups, scanners, scheduled
 * check-outs and the audit log, each a section of its own. Sections that need another's rows (the rooms a scanner
 * can be put at, the children a check-out is planned for) share that section's list rather than fetch it twice.
 */
public final class AdminViewModel {

    private final StaffAdminViewModel staff;
    private final ChildrenAdminViewModel children;
    private final PlacesAdminViewModel places;
    private final ScannersAdminViewModel scanners;
    private final ScheduleAdminViewModel schedule;
    private final AuditLogViewModel audit;

    public AdminViewModel(AdminApi api, TaskExecutor tasks, Scheduler scheduler, Messages messages, ZoneId zone) {
        this.staff = new StaffAdminViewModel(api, tasks, messages);
        this.places = new PlacesAdminViewModel(api, tasks, messages);
        this.children = new ChildrenAdminViewModel(
                api, tasks, messages, places.groups().rows().items());
        this.scanners = new ScannersAdminViewModel(
                api, tasks, scheduler, messages, places.rooms().rows().items());
        this.schedule = new ScheduleAdminViewModel(
                api, tasks, messages, children.rows().rows().items(), zone);
        this.audit = new AuditLogViewModel(api, tasks, messages, this::nameOf);
    }

    /** The room or group an audit detail names by id, as the lists here know it; {@code null} if they do not. */
    private String nameOf(String field, String id) {
        return switch (field) {
            case "roomId" ->
                places.rooms().rows().items().stream()
                        .filter(room -> room.id().equals(id))
                        .map(RoomRecord::name)
                        .findFirst()
                        .orElse(null);
            case "groupId" ->
                places.groups().rows().items().stream()
                        .filter(group -> group.id().equals(id))
                        .map(GroupRecord::name)
                        .findFirst()
                        .orElse(null);
            default -> null;
        };
    }

    public StaffAdminViewModel staff() {
        return staff;
    }

    public ChildrenAdminViewModel children() {
        return children;
    }

    public PlacesAdminViewModel places() {
        return places;
    }

    public ScannersAdminViewModel scanners() {
        return scanners;
    }

    public ScheduleAdminViewModel schedule() {
        return schedule;
    }

    public AuditLogViewModel audit() {
        return audit;
    }

    /** A scanner's status changed ({@code device_status}): its list refetches, a burst once. */
    public void onDevicesChanged() {
        scanners.onDevicesChanged();
    }

    /** A child was checked in or out at a scanner: the scanner reported. */
    public void onScanned() {
        scanners.onScannerUsed();
    }

    public void reloadAll() {
        staff.reload();
        places.reload();
        children.reload();
        scanners.reload();
        schedule.reload();
        audit.reload();
    }
}
