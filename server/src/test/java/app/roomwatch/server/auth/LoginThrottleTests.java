package app.roomwatch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(1));

    @Test
    void failuresBelowTheLockoutExpireAfterTheWindow() {
        throttle.failed("demo", "anna");
        throttle.failed("demo", "anna");
        clock.advance(Duration.ofSeconds(61));
        throttle.failed("demo", "anna");
        assertThat(throttle.waitFor("demo", "anna")).isZero();

        throttle.failed("demo", "anna");
        throttle.failed("demo", "anna");
        assertThat(throttle.waitFor("demo", "anna")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.waitFor("demo", "anna")).isZero();
    }

    @Test
    void failuresInsideTheWindowStillAddUp() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("demo", "ANNA");
            clock.advance(Duration.ofSeconds(50));
        }
        assertThat(throttle.waitFor("demo", "anna")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void staleEntriesOfUnknownNamesAreDropped() {
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("demo", "guess-" + i);
        }
        throttle.failed("demo", "locked");
        throttle.failed("demo", "locked");
        throttle.failed("demo", "locked");
        assertThat(throttle.remembered()).isEqualTo(1_001);

        clock.advance(Duration.ofSeconds(30));
        throttle.failed("demo", "recent");
        assertThat(throttle.remembered()).isEqualTo(1_002);

        clock.advance(Duration.ofSeconds(31));
        throttle.failed("demo", "another");
        // Only the streaks younger than the window are left.
        assertThat(throttle.remembered()).isEqualTo(2);
        assertThat(throttle.waitFor("demo", "guess-1")).isZero();
    }
}
