package app.roomwatch.console.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTests {

    final SerialExecutor actor = new SerialExecutor();

    @Test
    void tasksPostedFromManyThreadsRunOneAtATimeAndEachSeesTheOnesBefore() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] unguarded = {0};
        CountDownLatch done = new CountDownLatch(8 * 1_000);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        actor.execute(() -> {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            unguarded[0]++;
                            inside.decrementAndGet();
                            done.countDown();
                        });
                    }
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        actor.executeAndWait(() -> {});
        assertThat(overlaps).hasValue(0);
        assertThat(unguarded[0]).isEqualTo(8_000);
    }

    @Test
    void aTaskPostedFromATaskRunsAfterItNotInsideIt() {
        List<String> ran = new ArrayList<>();
        actor.execute(() -> {
            actor.execute(() -> ran.add("posted"));
            ran.add("poster");
        });
        assertThat(ran).containsExactly("poster", "posted");
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        List<String> ran = new ArrayList<>();
        actor.execute(() -> {
            actor.execute(() -> ran.add("after"));
            throw new IllegalStateException("broken on purpose");
        });
        assertThat(ran).containsExactly("after");
    }
}
