package app.roomwatch.console.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconnect counting on its own: waits, the polling threshold and renewals. */
class RetryPlanTests {

    final RetryPlan plan = new RetryPlan(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0), 3);

    @Test
    void threeAttemptsInARowThatNeverOpenStartPolling() {
        assertThat(plan.afterLoss(false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.afterLoss(false)).isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.shouldPoll()).isFalse();
        assertThat(plan.afterLoss(false)).isEqualTo(Duration.ofSeconds(4));
        assertThat(plan.shouldPoll()).isTrue();

        plan.opened();
        assertThat(plan.shouldPoll()).isFalse();
    }

    @Test
    void aStreamThatOpenedAndDroppedIsNoFailedAttemptButStillBacksOffUntilStable() {
        plan.afterLoss(false);
        plan.afterLoss(false);
        plan.opened();

        assertThat(plan.afterLoss(true)).isEqualTo(Duration.ofSeconds(4));
        assertThat(plan.failedAttempts()).isZero();

        plan.opened();
        plan.stable();
        assertThat(plan.afterLoss(true)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBusyServerIsWaitedOutAsAskedAndCountsAsAFailedAttempt() {
        assertThat(plan.afterBusy(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(plan.afterBusy(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.failedAttempts()).isEqualTo(2);
    }

    @Test
    void only401sSeparatedByAnOpenStreamAreAnsweredByRenewing() {
        assertThat(plan.mayRenew()).isTrue();
        assertThat(plan.mayRenew()).isFalse();

        plan.opened();
        assertThat(plan.mayRenew()).isTrue();

        plan.restart();
        assertThat(plan.mayRenew()).isTrue();
    }
}
