package app.roomwatch.loadtest.measure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code emittedAt} field out of a frame's JSON bytes without a JSON parser and without creating objects:
 * at tens of thousands of deliveries a second on one core, a parse per frame would measure the load tool rather than
 * the server. Roomwatch envelopes and the peers' payloads (written by this tool) both carry it as an ISO-8601 UTC
 * string ({@code 2026-11-30T20:17:28.210444Z}); any other form of it is handed to {@link Instant#parse}.
 */
public final class EmittedAt {

    private static final byte[] FIELD = "\"emittedAt\":\"".getBytes(StandardCharsets.US_ASCII);

    private EmittedAt() {}

    /** Microseconds since the epoch, or -1 when the field is missing or unreadable. */
    public static long micros(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return micros(bytes, 0, bytes.length);
    }

    /** The same, from {@code json[from, to)}. */
    public static long micros(byte[] json, int from, int to) {
        int start = indexOf(json, from, to, FIELD);
        if (start < 0) {
            return -1;
        }
        start += FIELD.length;
        int end = start;
        while (end < to && json[end] != '"') {
            end++;
        }
        if (end >= to) {
            return -1;
        }
        long utc = utcMicros(json, start, end);
        if (utc >= 0) {
            return utc;
        }
        try {
            return toMicros(Instant.parse(new String(json, start, end - start, StandardCharsets.US_ASCII)));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or -1 when it has another form. */
    static long utcMicros(byte[] b, int from, int to) {
        if (to - from < 20
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || b[from + 10] != 'T'
                || b[from + 13] != ':'
                || b[from + 16] != ':'
                || b[to - 1] != 'Z') {
            return -1;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
            return -1;
        }
        long micros = 0;
        int i = from + 19;
        if (b[i] == '.') {
            int scale = 100_000;
            for (i++; i < to - 1; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                micros += digit * (long) scale;
                scale /= 10;
            }
        } else if (i != to - 1) {
            return -1;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return seconds * 1_000_000L + micros;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        byte first = what[0];
        outer:
        for (int i = from; i <= to - what.length; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static long toMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Now, in microseconds since the epoch, on the same clock the server stamps {@code emittedAt} with. */
    public static long nowMicros() {
        return toMicros(Instant.now());
    }
}
