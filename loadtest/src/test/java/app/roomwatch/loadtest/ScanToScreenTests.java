package app.roomwatch.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.loadtest.sse.SseFrame;
import org.junit.jupiter.api.Test;

class ScanToScreenTests {

    private static SseFrame checkin(String student, String group) {
        return new SseFrame(
                "1-1",
                "student_checkin",
                "{\"data\":{\"studentId\":\"" + student + "\",\"activeGroupId\":\"" + group + "\"}}");
    }

    @Test
    void pairsAScanWithItsEventWhicheverArrivesFirst() {
        var matcher = new ScanToScreen.Matcher("42");

        matcher.onScan("7", 1_000, 3_000);
        matcher.onFrame(checkin("7", "42"), 5_000);
        matcher.onFrame(checkin("8", "42"), 9_000);
        matcher.onScan("8", 2_000, 9_500);

        assertThat(matcher.latency.count()).isEqualTo(2);
        // the histogram keeps about 1.6 % precision
        assertThat(matcher.latency.percentileMicros(0.5)).isBetween(3_940L, 4_064L);
        assertThat(matcher.latency.maxMicros()).isEqualTo(7_000);
        // From the answer: 2 ms for the first; the second's event came before its answer.
        assertThat(matcher.afterAccepted.maxMicros()).isEqualTo(2_000);
        assertThat(matcher.afterAccepted.count()).isEqualTo(2);
        assertThat(matcher.unmatched()).isZero();
    }

    @Test
    void ignoresOtherGroupsAndOtherEvents() {
        var matcher = new ScanToScreen.Matcher("42");

        matcher.onScan("7", 1_000, 1_500);
        matcher.onFrame(checkin("7", "41"), 2_000);
        matcher.onFrame(new SseFrame(null, "ping", "{\"studentId\":\"7\"}"), 3_000);

        assertThat(matcher.latency.count()).isZero();
        assertThat(matcher.unmatched()).isEqualTo(1);
    }
}
