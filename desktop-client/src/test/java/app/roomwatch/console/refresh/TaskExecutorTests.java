package app.roomwatch.console.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TaskExecutorTests {

    @Test
    void aRefetchQueuedWhileTheConsoleClosesIsDroppedQuietly() {
        ExecutorService background = Executors.newSingleThreadExecutor();
        background.shutdownNow();
        List<Object> outcomes = new ArrayList<>();
        TaskExecutor tasks = TaskExecutor.of(background, Runnable::run);

        assertThatCode(() -> tasks.execute(() -> "rooms", outcomes::add, outcomes::add))
                .doesNotThrowAnyException();
        assertThat(outcomes).isEmpty();
    }
}
