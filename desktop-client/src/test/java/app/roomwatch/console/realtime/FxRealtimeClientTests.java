package app.roomwatch.console.realtime;

import static app.roomwatch.console.realtime.ScriptedServer.connected;
import static app.roomwatch.console.realtime.ScriptedServer.event;
import static app.roomwatch.console.realtime.ScriptedServer.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.fx.UiThread;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.StudentCheckedIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI adapter: state as a property, listeners on the UI executor (here a queue the test drains). */
class FxRealtimeClientTests {

    @TempDir
    Path dataDir;

    final ScriptedServer server = new ScriptedServer();
    final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    /** Stands in for the FX thread: tasks wait here until the test runs them. */
    final LinkedBlockingQueue<Runnable> uiTasks = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        server.close();
        io.shutdownNow();
    }

    @Test
    void listenersAndTheStatePropertyChangeOnlyOnTheUiThread() throws Exception {
        var core = new SseRealtimeClient(
                server.login(), dataDir, RealtimeSettings.defaults(), new ManualScheduler(), io, () -> 0.0, () -> {});
        Executor queued = uiTasks::add;
        try (var client = new FxRealtimeClient(core, UiThread.using(queued))) {
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            client.subscribe(StudentCheckedIn.TYPE, received::add);
            var stream = server.openStream();
            client.connect();
            stream.send(connected("0-0")).send(frame(event("1-1")));

            await().atMost(Duration.ofSeconds(10)).until(() -> core.state().mode() == Mode.LIVE);
            await().atMost(Duration.ofSeconds(10)).until(() -> uiTasks.size() >= 3);
            assertThat(client.stateProperty().get().mode()).isEqualTo(Mode.OFFLINE);
            assertThat(received).isEmpty();

            drainUi();
            assertThat(client.stateProperty().get().mode()).isEqualTo(Mode.LIVE);
            assertThat(received).extracting(EventEnvelope::id).containsExactly("1-1");
        }
    }

    @Test
    void theSameThreadVersionRunsAtOnce() {
        List<String> ran = new CopyOnWriteArrayList<>();
        UiThread.sameThread().<String>deliver(ran::add).accept("now");
        assertThat(ran).containsExactly("now");
    }

    private void drainUi() {
        Runnable task;
        while ((task = uiTasks.poll()) != null) {
            task.run();
        }
    }
}
