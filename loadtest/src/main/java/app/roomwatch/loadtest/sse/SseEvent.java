package app.roomwatch.loadtest.sse;

import app.roomwatch.loadtest.measure.EmittedAt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Server-Sent Events frame as the reader has just parsed it: a view over the connection's own buffers, valid only
 * during the listener's call and reused for the next frame, so that a delivery costs no objects. Ask for
 * {@link #toFrame()} (or a string accessor) only where a frame is kept or read as text.
 */
public final class SseEvent {

    private static final byte[] MESSAGE = {'m', 'e', 's', 's', 'a', 'g', 'e'};

    byte[] id = new byte[64];
    int idLength = -1;
    byte[] event = new byte[32];
    int eventLength = -1;
    byte[] data = new byte[512];
    int dataLength = -1;

    /** Whether the frame's {@code event:} field (or {@code message} when it has none) is {@code name}, in ASCII. */
    public boolean eventIs(byte[] name) {
        if (eventLength < 0) {
            return Arrays.equals(name, MESSAGE);
        }
        return Arrays.equals(event, 0, eventLength, name, 0, name.length);
    }

    /** The {@code event:} field, {@code message} when absent, as EventSource does. */
    public String event() {
        return eventLength < 0 ? "message" : new String(event, 0, eventLength, StandardCharsets.UTF_8);
    }

    public boolean hasId() {
        return idLength >= 0;
    }

    /** The {@code id:} field, or {@code null} for frames without one. */
    public String id() {
        return idLength < 0 ? null : new String(id, 0, idLength, StandardCharsets.UTF_8);
    }

    /** Copies the id into {@code into} (grown when too small) and answers the copy; its length is {@link #idLength()}. */
    byte[] copyId(byte[] into) {
        byte[] target = into.length >= idLength ? into : new byte[idLength * 2];
        System.arraycopy(id, 0, target, 0, idLength);
        return target;
    }

    int idLength() {
        return idLength;
    }

    /**
     * The two numbers of a Roomwatch cursor id {@code <txId>-<id>}: {@code cursor[0]} and {@code cursor[1]}. Answers
     * false (and leaves {@code cursor} alone) when the id is absent or has another shape (the peers' ids).
     */
    public boolean cursor(long[] cursor) {
        if (idLength < 3) {
            return false;
        }
        long first = 0;
        int i = 0;
        for (; i < idLength && id[i] != '-'; i++) {
            int digit = id[i] - '0';
            if (digit < 0 || digit > 9 || i >= 18) {
                return false;
            }
            first = first * 10 + digit;
        }
        if (i == 0 || i >= idLength - 1) {
            return false;
        }
        long second = 0;
        for (int j = i + 1; j < idLength; j++) {
            int digit = id[j] - '0';
            if (digit < 0 || digit > 9 || j - i > 18) {
                return false;
            }
            second = second * 10 + digit;
        }
        cursor[0] = first;
        cursor[1] = second;
        return true;
    }

    /** The {@code emittedAt} in the frame's data, in microseconds since the epoch, or -1. */
    public long emittedAtMicros() {
        return EmittedAt.micros(data, 0, Math.max(0, dataLength));
    }

    /** The {@code data:} lines joined with newlines. */
    public String data() {
        return new String(data, 0, Math.max(0, dataLength), StandardCharsets.UTF_8);
    }

    /** A copy that outlives the listener's call. */
    public SseFrame toFrame() {
        return new SseFrame(id(), event(), data());
    }

    void reset() {
        idLength = -1;
        eventLength = -1;
        dataLength = -1;
    }
}
