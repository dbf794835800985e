package app.roomwatch.console.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescerTests {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger runs = new AtomicInteger();
    private final Coalescer coalescer = new Coalescer(scheduler, Coalescer.WINDOW, runs::incrementAndGet);

    @Test
    void aBurstOfTriggersRunsTheActionOnceWhenTheWindowCloses() {
        for (int i = 0; i < 500; i++) {
            coalescer.trigger();
            scheduler.advance(Duration.ofMillis(0));
        }

        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(299));
        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(runs).hasValue(1);
    }

    @Test
    void triggersSpreadOverASecondRunOncePerWindow() {
        for (int ms = 0; ms < 1000; ms += 2) {
            coalescer.trigger();
            scheduler.advance(Duration.ofMillis(2));
        }
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(runs.get()).isBetween(3, 5);
    }

    @Test
    void aTriggerAfterTheRunOpensANewWindow() {
        coalescer.trigger();
        scheduler.advance(Coalescer.WINDOW);
        coalescer.trigger();
        scheduler.advance(Coalescer.WINDOW);

        assertThat(runs).hasValue(2);
    }

    @Test
    void runNowRunsAtOnceAndDropsThePendingRun() {
        coalescer.trigger();
        coalescer.runNow();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(runs).hasValue(1);
        assertThat(coalescer.isPending()).isFalse();
    }

    @Test
    void cancelDropsAPendingRun() {
        coalescer.trigger();
        coalescer.cancel();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(runs).hasValue(0);
        assertThat(scheduler.pending()).isZero();
    }
}
