package app.roomwatch.loadtest.sse;

import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response carrying an event stream, fed as the bytes come (split anywhere): the status line and
 * headers, then the body, chunked or not, then the SSE frames in it, following the EventSource rules that matter for
 * a load test: fields {@code id}, {@code event}, {@code data} (several joined by newlines), comments and
 * {@code retry} ignored, a blank line ends a frame, a frame without data is dropped; lines end with CRLF, LF or CR.
 * It works on bytes in the connection's own reused buffers and creates no object per frame: at tens of thousands of
 * deliveries a second on a core of its own, the tool is to measure the server, not its own parsing. Not thread-safe:
 * one per connection.
 */
final class SseDecoder {

    /** Told what the response says; called on the thread that feeds. */
    interface Sink {
        /** The status line and headers are read; a status other than 200 ends the stream. */
        void status(int status);

        /** One complete frame; {@code event} is valid during the call only. */
        void frame(SseEvent event);
    }

    private enum State {
        STATUS_LINE,
        HEADER,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        BODY,
        DONE
    }

    private static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding:");
    private static final byte[] CONTENT_LENGTH = bytes("content-length:");
    private static final byte[] CHUNKED = bytes("chunked");

    private final Sink sink;
    private final SseEvent event = new SseEvent();
    private State state = State.STATUS_LINE;
    private int status = -1;
    private boolean chunked;
    /** Bytes left in the current chunk, or in a body with a length; -1: until the connection ends. */
    private long remaining = -1;
    /** A status, header or chunk-size line split across reads. */
    private byte[] line = new byte[256];

    private int lineLength;
    /** An event-stream line split across reads or chunks. */
    private byte[] pending = new byte[256];

    private int pendingLength;
    /** The last byte ended a line with CR: a LF right after it belongs to it. */
    private boolean afterCr;

    SseDecoder(Sink sink) {
        this.sink = sink;
    }

    /** Feeds bytes; answers false once the response is over (a refusal's headers, the last chunk, its length). */
    boolean feed(byte[] in, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case STATUS_LINE, HEADER, CHUNK_SIZE -> {
                    int end = headLine(in, i, to);
                    if (end < 0) {
                        return true;
                    }
                    i = end;
                    if (!headLineDone()) {
                        return false;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, to - i);
                    body(in, i, i + n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    // The CRLF after a chunk's data.
                    if (in[i++] == '\n') {
                        state = State.CHUNK_SIZE;
                    }
                }
                case BODY -> {
                    int n = remaining < 0 ? to - i : (int) Math.min(remaining, to - i);
                    body(in, i, i + n);
                    i += n;
                    if (remaining >= 0) {
                        remaining -= n;
                        if (remaining == 0) {
                            state = State.DONE;
                            return false;
                        }
                    }
                }
                case DONE -> {
                    return false;
                }
            }
        }
        return state != State.DONE;
    }

    /** Collects a head line (status, header, chunk size) up to its LF; answers where it ended, or -1 if not yet. */
    private int headLine(byte[] in, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] == '\n') {
                append(in, from, i);
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return i + 1;
            }
        }
        append(in, from, to);
        return -1;
    }

    private boolean headLineDone() {
        int length = lineLength;
        lineLength = 0;
        switch (state) {
            case STATUS_LINE -> {
                // HTTP/1.1 200 OK
                status = length >= 12 ? digits(line, 9, 12) : -1;
                state = State.HEADER;
                return true;
            }
            case HEADER -> {
                if (length > 0) {
                    header(length);
                    return true;
                }
                sink.status(status);
                if (status != 200) {
                    state = State.DONE;
                    return false;
                }
                state = chunked ? State.CHUNK_SIZE : State.BODY;
                if (remaining == 0) {
                    state = State.DONE;
                    return false;
                }
                return true;
            }
            case CHUNK_SIZE -> {
                long size = 0;
                for (int i = 0; i < length && line[i] != ';'; i++) {
                    int digit = Character.digit(line[i], 16);
                    if (digit < 0) {
                        break;
                    }
                    size = size * 16 + digit;
                }
                if (size == 0) {
                    state = State.DONE;
                    return false;
                }
                remaining = size;
                state = State.CHUNK_DATA;
                return true;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void header(int length) {
        if (startsWithIgnoreCase(TRANSFER_ENCODING, length)) {
            chunked = contains(line, TRANSFER_ENCODING.length, length, CHUNKED);
        } else if (startsWithIgnoreCase(CONTENT_LENGTH, length)) {
            long value = 0;
            for (int i = CONTENT_LENGTH.length; i < length; i++) {
                if (line[i] >= '0' && line[i] <= '9') {
                    value = value * 10 + (line[i] - '0');
                }
            }
            if (!chunked) {
                remaining = value;
            }
        }
        if (chunked) {
            remaining = -1;
        }
    }

    /** Event-stream bytes: complete lines are handled where they lie, a split one is collected first. */
    private void body(byte[] in, int from, int to) {
        int start = from;
        for (int i = from; i < to; i++) {
            byte b = in[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            boolean lfOfCrlf = b == '\n' && afterCr && i == start && pendingLength == 0;
            afterCr = b == '\r';
            if (lfOfCrlf) {
                start = i + 1;
                continue;
            }
            if (pendingLength > 0) {
                pending = put(pending, pendingLength, in, start, i);
                sseLine(pending, 0, pendingLength + i - start);
                pendingLength = 0;
            } else {
                sseLine(in, start, i);
            }
            start = i + 1;
        }
        if (start < to) {
            afterCr = false;
            pending = put(pending, pendingLength, in, start, to);
            pendingLength += to - start;
        }
    }

    private void sseLine(byte[] b, int from, int to) {
        if (from == to) {
            if (event.dataLength >= 0) {
                sink.frame(event);
            }
            event.reset();
            return;
        }
        if (b[from] == ':') {
            return;
        }
        int colon = from;
        while (colon < to && b[colon] != ':') {
            colon++;
        }
        int value = colon < to ? colon + 1 : to;
        if (value < to && b[value] == ' ') {
            value++;
        }
        int field = colon - from;
        if (field == 4 && b[from] == 'd' && b[from + 1] == 'a' && b[from + 2] == 't' && b[from + 3] == 'a') {
            if (event.dataLength < 0) {
                event.dataLength = 0;
            } else {
                event.data = put(event.data, event.dataLength, (byte) '\n');
                event.dataLength++;
            }
            event.data = put(event.data, event.dataLength, b, value, to);
            event.dataLength += to - value;
        } else if (field == 2 && b[from] == 'i' && b[from + 1] == 'd') {
            event.id = put(event.id, 0, b, value, to);
            event.idLength = to - value;
        } else if (field == 5 && b[from] == 'e' && b[from + 1] == 'v' && b[from + 4] == 't') {
            event.event = put(event.event, 0, b, value, to);
            event.eventLength = to - value;
        }
        // retry and unknown fields change nothing a load test measures
    }

    private void append(byte[] in, int from, int to) {
        line = put(line, lineLength, in, from, to);
        lineLength += to - from;
    }

    private static byte[] put(byte[] into, int at, byte[] in, int from, int to) {
        int n = to - from;
        byte[] target = at + n <= into.length ? into : Arrays.copyOf(into, Math.max(into.length * 2, at + n));
        System.arraycopy(in, from, target, at, n);
        return target;
    }

    private static byte[] put(byte[] into, int at, byte b) {
        byte[] target = at < into.length ? into : Arrays.copyOf(into, into.length * 2);
        target[at] = b;
        return target;
    }

    private boolean startsWithIgnoreCase(byte[] prefix, int length) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(line[i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int from, int to, byte[] lowerCase) {
        outer:
        for (int i = from; i + lowerCase.length <= to; i++) {
            for (int j = 0; j < lowerCase.length; j++) {
                if (Character.toLowerCase(b[i + j]) != lowerCase[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int digits(byte[] b, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
