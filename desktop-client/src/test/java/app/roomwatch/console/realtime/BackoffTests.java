package app.roomwatch.console.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

    final RealtimeSettings settings = RealtimeSettings.defaults();

    Backoff backoff(double random) {
        return new Backoff(settings.backoffBase(), settings.backoffCap(), settings.jitter(), () -> random);
    }

    @Test
    void doublesFromOneSecondAndStaysAtTheThirtySecondCapForever() {
        var backoff = backoff(0.0);

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(backoff::nominal).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.nominal(10_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffAtMostTwentyPercentAndNeverExceedsTheNominalWait() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration nominal = backoff(0.0).nominal(attempt);

            assertThat(backoff(0.0).delay(attempt)).isEqualTo(nominal);
            assertThat(backoff(0.5).delay(attempt))
                    .isEqualTo(nominal.multipliedBy(9).dividedBy(10));
            assertThat(backoff(0.999_999).delay(attempt))
                    .isGreaterThanOrEqualTo(nominal.multipliedBy(8).dividedBy(10))
                    .isLessThan(nominal);
        }
    }

    @Test
    void realRandomDelaysSpreadWithinTheBounds() {
        var random = new java.util.Random(42);
        var backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), settings.jitter(), random::nextDouble);

        var delays = IntStream.range(0, 200).mapToObj(i -> backoff.delay(4)).toList();

        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(6_400), Duration.ofSeconds(8)));
        assertThat(delays.stream().distinct().count()).isGreaterThan(100);
    }
}
