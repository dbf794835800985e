package app.roomwatch.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.loadtest.measure.ProcessStats;
import app.roomwatch.loadtest.measure.ResourceMonitor;
import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.target.Target;
import app.roomwatch.loadtest.testing.SseTestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The whole measuring path against a real SSE server on loopback: streams, publisher, windows, loss. */
class FanOutLadderTests {

    private static final Plan TINY = new Plan(
            "test",
            List.of(20),
            200,
            2.0,
            2,
            Duration.ofMillis(300),
            Duration.ofSeconds(1),
            10,
            Duration.ofSeconds(1),
            5,
            20,
            200,
            20,
            200,
            Duration.ofSeconds(1),
            List.of(1),
            Duration.ofSeconds(1),
            // What this test checks is the counting and the ladder, not the machine it runs on: a p99 bound of 2 s
            // keeps a test run on a busy build machine from failing, while a lost or uncounted delivery still fails it.
            2_000);

    /** The test server as a target: each publish is one broadcast frame to every stream. */
    private record TestTarget(SseTestServer server) implements Target {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public void prepare(int streams) {}

        @Override
        public HttpRequest streamRequest(int index, String lastEventId) {
            return HttpRequest.newBuilder(server.base().resolve("/sub")).build();
        }

        @Override
        public String readyEvent() {
            return "connected";
        }

        @Override
        public String deliveryEvent() {
            return "room_occupancy";
        }

        @Override
        public CompletableFuture<Integer> publish() {
            return CompletableFuture.supplyAsync(() -> server.broadcast() > 0 ? 1 : 0);
        }

        @Override
        public List<Long> pids() {
            return List.of(ProcessHandle.current().pid());
        }
    }

    @Test
    void countsEveryDeliveryAndStopsAtTheEndOfThePlan() throws Exception {
        try (var server = new SseTestServer();
                var resources = new ResourceMonitor(
                        ProcessStats.system(), List.of(ProcessHandle.current().pid()), () -> -1);
                var fleet = new Fleet(new TestTarget(server), 2)) {
            var target = new TestTarget(server);
            assertThat(fleet.open(20, 10, Duration.ofSeconds(20))).isEqualTo(20);

            Report.FanOut result = new FanOutLadder(TINY, resources).run(target, fleet, 20);

            assertThat(result.steps()).hasSize(2);
            Step first = result.steps().getFirst();
            assertThat(first.publishRate()).isEqualTo(10.0);
            assertThat(first.expected()).isPositive();
            assertThat(first.lost()).isZero();
            assertThat(first.deliveriesPerSecond()).isBetween(100.0, 300.0);
            assertThat(first.p99Ms()).isPositive();
            assertThat(first.cpuCores()).isPositive();
            assertThat(first.toolCpuCores()).isPositive();
            assertThat(result.steps().get(1).publishRate()).isEqualTo(20.0);
            assertThat(result.best()).isNotNull();
        }
    }

    @Test
    void aMessageNoStreamGetsIsCountedAsLost() throws Exception {
        try (var server = new SseTestServer();
                var fleet = new Fleet(new TestTarget(server), 2)) {
            fleet.open(5, 5, Duration.ofSeconds(20));
            long[] before = fleet.deliveredPerStream();

            long lost = FanOutLadder.awaitDeliveries(fleet, before, 2, null);

            assertThat(lost).isEqualTo(10);
        }
    }
}
