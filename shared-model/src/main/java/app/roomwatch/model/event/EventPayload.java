package app.roomwatch.model.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * What an event says happened. Each payload names its wire {@code type} once, here, so the envelope, the stream
 * and the console all agree on it.
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = StudentCheckedIn.class, name = StudentCheckedIn.TYPE),
    @JsonSubTypes.Type(value = StudentCheckedOut.class, name = StudentCheckedOut.TYPE),
    @JsonSubTypes.Type(value = ActivityStarted.class, name = ActivityStarted.TYPE),
    @JsonSubTypes.Type(value = ActivityEnded.class, name = ActivityEnded.TYPE),
    @JsonSubTypes.Type(value = RoomOccupancyChanged.class, name = RoomOccupancyChanged.TYPE),
    @JsonSubTypes.Type(value = SupervisionChanged.class, name = SupervisionChanged.TYPE),
    @JsonSubTypes.Type(value = NotificationCreated.class, name = NotificationCreated.TYPE),
    @JsonSubTypes.Type(value = NotificationsRead.class, name = NotificationsRead.TYPE),
    @JsonSubTypes.Type(value = DeviceStatusChanged.class, name = DeviceStatusChanged.TYPE)
})
public sealed interface EventPayload
        permits StudentCheckedIn,
                StudentCheckedOut,
                ActivityStarted,
                ActivityEnded,
                RoomOccupancyChanged,
                SupervisionChanged,
                NotificationCreated,
                NotificationsRead,
                DeviceStatusChanged {

    /** The wire name of this payload's event type, as in SPEC section 5 (e.g. {@code student_checkin}). */
    String type();
}
