package app.roomwatch.console.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SystemSchedulerTests {

    @Test
    void runsATaskAfterItsDelay() throws InterruptedException {
        try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.schedule(Duration.ofMillis(10), ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskScheduledAfterCloseIsDroppedNotThrown() throws InterruptedException {
        SystemScheduler scheduler = new SystemScheduler("test-timer");
        scheduler.close();
        AtomicBoolean ran = new AtomicBoolean();

        // A background load that fails while the console closes triggers a refresh: it must not fail in turn.
        Scheduler.Cancellable cancellable = scheduler.schedule(Duration.ZERO, () -> ran.set(true));
        cancellable.cancel();

        Thread.sleep(100);
        assertThat(ran).isFalse();
    }
}
