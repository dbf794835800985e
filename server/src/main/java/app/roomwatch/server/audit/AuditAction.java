package app.roomwatch.server.audit;

/** What an admin change did; each names the kind of thing it changed. The names are fixed (docs/api.md). */
public enum AuditAction {
    STAFF_CREATED("staff.created", "staff"),
    STAFF_UPDATED("staff.updated", "staff"),
    STAFF_DISABLED("staff.disabled", "staff"),
    STAFF_ENABLED("staff.enabled", "staff"),
    STAFF_PASSWORD_RESET("staff.password_reset", "staff"),
    STUDENT_CREATED("student.created", "student"),
    STUDENT_UPDATED("student.updated", "student"),
    STUDENT_ARCHIVED("student.archived", "student"),
    STUDENTS_IMPORTED("students.imported", "student"),
    ROOM_CREATED("room.created", "room"),
    ROOM_UPDATED("room.updated", "room"),
    ROOM_ARCHIVED("room.archived", "room"),
    GROUP_CREATED("group.created", "group"),
    GROUP_UPDATED("group.updated", "group"),
    GROUP_ARCHIVED("group.archived", "group"),
    GROUP_LEADS_CHANGED("group.leads_changed", "group"),
    DEVICE_REGISTERED("device.registered", "device"),
    DEVICE_UPDATED("device.updated", "device"),
    DEVICE_ROTATED("device.rotated", "device"),
    DEVICE_REVOKED("device.revoked", "device"),
    SCHEDULED_CHECKOUT_PLANNED("scheduled_checkout.planned", "scheduled_checkout"),
    SCHEDULED_CHECKOUT_CANCELLED("scheduled_checkout.cancelled", "scheduled_checkout"),
    TENANT_CREATED("tenant.created", "tenant");

    private final String wireName;
    private final String targetType;

    AuditAction(String wireName, String targetType) {
        this.wireName = wireName;
        this.targetType = targetType;
    }

    /** The name in {@code AuditEntry.action}, e.g. {@code student.archived}. */
    public String wireName() {
        return wireName;
    }

    /** The kind of thing it changes, {@code AuditEntry.targetType}. */
    public String targetType() {
        return targetType;
    }
}
