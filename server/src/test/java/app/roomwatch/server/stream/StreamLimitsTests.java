package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamLimitsTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    final StreamLimits limits = new StreamLimits(settings(2), clock);

    @Test
    void refusesTheAttemptBeyondTheLimitUntilTheOldestLeavesTheMinute() {
        limits.attempt("1:5");
        clock.advance(Duration.ofSeconds(10));
        limits.attempt("1:5");
        assertThatThrownBy(() -> limits.attempt("1:5"))
                .isInstanceOfSatisfying(
                        StreamLimitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(50)));
        limits.attempt("1:6");

        clock.advance(Duration.ofSeconds(50));
        limits.attempt("1:5");
    }

    @Test
    void forgetsStaffMembersWhoseAttemptsAreOlderThanAMinute() {
        for (int staff = 1; staff <= 100; staff++) {
            limits.attempt("1:" + staff);
        }
        assertThat(limits.tracked()).isEqualTo(100);

        clock.advance(Duration.ofSeconds(30));
        limits.attempt("1:1");
        clock.advance(Duration.ofSeconds(31));
        limits.attempt("2:1");

        // Only 1:1 (30 s ago) and 2:1 (now) still have attempts within the last minute.
        assertThat(limits.tracked()).isEqualTo(2);
    }

    static StreamSettings settings(int connectsPerMinute) {
        return new StreamSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                16,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofDays(7),
                Duration.ofMinutes(10),
                500,
                5,
                connectsPerMinute,
                500,
                500,
                Duration.ofSeconds(30));
    }
}
