package app.roomwatch.model.event;

import java.util.List;

/** The wire names of every event type and control frame, for code that subscribes by name. */
public final class EventType {

    public static final String STUDENT_CHECKIN = StudentCheckedIn.TYPE;
    public static final String STUDENT_CHECKOUT = StudentCheckedOut.TYPE;
    public static final String ACTIVITY_START = ActivityStarted.TYPE;
    public static final String ACTIVITY_END = ActivityEnded.TYPE;
    public static final String ROOM_OCCUPANCY = RoomOccupancyChanged.TYPE;
    public static final String SUPERVISION_CHANGED = SupervisionChanged.TYPE;
    public static final String NOTIFICATION_NEW = NotificationCreated.TYPE;
    public static final String NOTIFICATION_READ = NotificationsRead.TYPE;
    public static final String DEVICE_STATUS = DeviceStatusChanged.TYPE;

    /** Every event type, in the order of SPEC section 5. */
    public static final List<String> ALL = List.of(
            STUDENT_CHECKIN,
            STUDENT_CHECKOUT,
            ACTIVITY_START,
            ACTIVITY_END,
            ROOM_OCCUPANCY,
            SUPERVISION_CHANGED,
            NOTIFICATION_NEW,
            NOTIFICATION_READ,
            DEVICE_STATUS);

    private EventType() {}
}
