package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.admin.ScheduledCheckoutRecord;
import app.roomwatch.model.api.admin.StudentRecord;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javafx.collections.ObservableList;

/** Scheduled check-outs: a child checked out at a set time (picked up at 15:30), planned and cancelled here. */
public final class ScheduleAdminViewModel {

    private final AdminApi api;
    private final AdminRows<ScheduledCheckoutRecord> rows;
    private final ObservableList<StudentRecord> children;
    private final ZoneId zone;

    ScheduleAdminViewModel(
            AdminApi api, TaskExecutor tasks, Messages messages, ObservableList<StudentRecord> children, ZoneId zone) {
        this.api = api;
        this.children = children;
        this.zone = zone;
        this.rows = new AdminRows<>(api::scheduledCheckouts, ScheduledCheckoutRecord::id, tasks, messages);
    }

    public AdminRows<ScheduledCheckoutRecord> rows() {
        return rows;
    }

    /** The children a check-out can be planned for. */
    public ObservableList<StudentRecord> children() {
        return children;
    }

    public void reload() {
        rows.reload();
    }

    /** "Mia K. (3a)", or the id while the children are not loaded (or the child was archived). */
    public String childName(ScheduledCheckoutRecord planned) {
        return children.stream()
                .filter(c -> c.id().equals(planned.studentId()))
                .findFirst()
                .map(c -> ChildrenAdminViewModel.shortName(c) + " (" + c.schoolClass() + ")")
                .orElse("#" + planned.studentId());
    }

    /** Plans {@code child}'s check-out on {@code day} at {@code time} ("15:30"), in this computer's time zone. */
    public void plan(StudentRecord child, LocalDate day, String time) {
        LocalTime at;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip());
        } catch (DateTimeParseException e) {
            rows.refuse("admin.schedule.badTime");
            return;
        }
        if (child == null || day == null) {
            rows.refuse("admin.schedule.missing");
            return;
        }
        rows.act(
                () -> {
                    api.planCheckout(child.id(), day.atTime(at).atZone(zone).toInstant());
                    return null;
                },
                "admin.schedule.planned",
                ChildrenAdminViewModel.shortName(child),
                at.toString());
    }

    public void cancel(ScheduledCheckoutRecord planned) {
        rows.act(
                () -> {
                    api.cancelCheckout(planned.id());
                    return null;
                },
                ignored -> {},
                "admin.schedule.cancel.executed",
                "admin.schedule.cancelled",
                childName(planned));
    }

    public static boolean pending(ScheduledCheckoutRecord planned) {
        return "pending".equals(planned.status());
    }
}
