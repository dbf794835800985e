package app.roomwatch.server.stream;

import app.roomwatch.model.event.EventEnvelope;
import java.util.List;

/**
 * One event read from the log, with what the hub needs to route it and its SSE frame, serialised once however many
 * connections it goes to.
 */
final class StoredEvent {

    private final Cursor cursor;
    private final long tenantId;
    private final EventEnvelope envelope;
    private final byte[] frame;

    StoredEvent(Cursor cursor, long tenantId, EventEnvelope envelope, byte[] frame) {
        this.cursor = cursor;
        this.tenantId = tenantId;
        this.envelope = envelope;
        this.frame = frame;
    }

    /** A row that could not be read: it still moves cursors past it, but is never sent. */
    static StoredEvent unreadable(Cursor cursor, long tenantId) {
        return new StoredEvent(cursor, tenantId, null, null);
    }

    boolean isReadable() {
        return envelope != null;
    }

    Cursor cursor() {
        return cursor;
    }

    long tenantId() {
        return tenantId;
    }

    String topic() {
        return envelope == null ? "" : envelope.topic();
    }

    EventEnvelope envelope() {
        return envelope;
    }

    /** The complete {@code id:}/{@code event:}/{@code data:} frame; callers must not change it. */
    byte[] frame() {
        return frame;
    }

    /** The frames of readable events, in order, as one write (a lone event's own frame). */
    static byte[] joinedFrames(List<StoredEvent> events) {
        return Frames.joined(events.stream().map(StoredEvent::frame).toList());
    }
}
