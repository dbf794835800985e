package app.roomwatch.console.realtime;

import static app.roomwatch.console.realtime.ScriptedServer.connected;
import static app.roomwatch.console.realtime.ScriptedServer.event;
import static app.roomwatch.console.realtime.ScriptedServer.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.realtime.ConnectionState.Mode;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's protocol and state machine against a scripted server on a real socket, with a hand-moved clock:
 * every wait the client plans is checked exactly, and no test sleeps.
 */
class SseRealtimeClientTests {

    static final Duration AWAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    final ScriptedServer server = new ScriptedServer();
    final ManualScheduler clock = new ManualScheduler();
    final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    final List<SseRealtimeClient> clients = new ArrayList<>();
    StaffSession session;

    @BeforeEach
    void signIn() throws Exception {
        session = server.login();
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(SseRealtimeClient::close);
        server.close();
        io.shutdownNow();
    }

    SseRealtimeClient client(RealtimeSettings settings) {
        // No jitter taken off (random 0), so every planned wait is the nominal one.
        var client = new SseRealtimeClient(session, dataDir, settings, clock, io, () -> 0.0, () -> {});
        client.subscribe(StudentCheckedIn.TYPE, received::add);
        clients.add(client);
        return client;
    }

    SseRealtimeClient client() {
        return client(RealtimeSettings.defaults());
    }

    static RealtimeSettings withWatchdog(Duration watchdog) {
        var d = RealtimeSettings.defaults();
        return new RealtimeSettings(
                d.backoffBase(),
                d.backoffCap(),
                d.jitter(),
                d.stablePeriod(),
                watchdog,
                d.pollInterval(),
                d.failuresBeforePolling(),
                d.pollPageSize(),
                d.cursorSaveDelay());
    }

    void awaitMode(SseRealtimeClient client, Mode mode) {
        await().atMost(AWAIT).until(() -> client.state().mode() == mode);
    }

    /** Waits until the client planned its next try, and answers how far ahead it is. */
    Duration awaitPlannedWait(SseRealtimeClient client) {
        await().atMost(AWAIT).until(() -> client.state().nextTryAt() != null);
        return Duration.between(clock.now(), client.state().nextTryAt());
    }

    @Test
    void deliversEventsInOrderAndDropsDuplicatesById() throws Exception {
        var client = client();
        var stream = server.openStream();
        client.connect();

        stream.send(connected("0-0")).send(frame(event("1-1"))).send(frame(event("1-2")));
        stream.send(frame(event("1-1"))).send(frame(event("1-3")));

        await().atMost(AWAIT).until(() -> received.size() == 3);
        assertThat(received).extracting(EventEnvelope::id).containsExactly("1-1", "1-2", "1-3");
        assertThat(client.state().mode()).isEqualTo(Mode.LIVE);
        assertThat(client.state().lastEventAt()).isEqualTo(clock.now());
    }

    @Test
    void resumesWithLastEventIdAfterTheServerClosesTheStream() throws Exception {
        var client = client();
        var stream = server.openStream();
        client.connect();
        RecordedRequest first = server.nextStreamRequest();
        stream.send(connected("0-0")).send(frame(event("1-1"))).send(frame(event("1-2")));
        await().atMost(AWAIT).until(() -> received.size() == 2);

        stream.end();
        assertThat(awaitPlannedWait(client)).isEqualTo(Duration.ofSeconds(1));
        assertThat(client.state().mode()).isEqualTo(Mode.CONNECTING);
        server.openStream().send(frame(event("1-3")));
        clock.advance(Duration.ofSeconds(1));

        RecordedRequest second = server.nextStreamRequest();
        assertThat(first.getHeaders().get("Last-Event-ID")).isNull();
        assertThat(second.getHeaders().get("Last-Event-ID")).isEqualTo("1-2");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        await().atMost(AWAIT).until(() -> received.size() == 3);
        awaitMode(client, Mode.LIVE);
    }

    @Test
    void backsOffDoublingThenPollsAfterThreeFailuresAndGoesLiveWhenTheStreamReturns() throws Exception {
        var client = client();
        List<Duration> waits = new ArrayList<>();
        for (int failure = 1; failure <= 3; failure++) {
            server.refuseStream(503, Map.of());
            if (failure == 1) {
                client.connect();
            } else {
                clock.advance(waits.getLast());
            }
            waits.add(awaitPlannedWait(client));
            if (failure < 3) {
                assertThat(client.state().mode()).isEqualTo(Mode.CONNECTING);
                assertThat(client.state().reason()).contains("503");
            }
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

        // The third failure starts polling at once, with the words the specification asks for.
        assertThat(client.state().mode()).isEqualTo(Mode.POLLING);
        assertThat(client.state().reason()).isEqualTo("Real-time updates unavailable, using polling");
        server.answerPoll(new EventPage(List.of(event("2-1"), event("2-2")), "2-2", false));
        clock.runDue();
        RecordedRequest poll = server.pollRequests.poll(5, TimeUnit.SECONDS);
        assertThat(poll.getUrl().queryParameter("limit")).isEqualTo("500");
        await().atMost(AWAIT).until(() -> received.size() == 2);

        // Polls keep coming every interval, from the cursor the last one reached.
        clock.advance(Duration.ofSeconds(30));
        RecordedRequest next = server.pollRequests.poll(5, TimeUnit.SECONDS);
        assertThat(next.getUrl().queryParameter("after")).isEqualTo("2-2");

        // Meanwhile the stream was tried again in the background, 4 s after the third failure, and is back.
        var stream = server.openStream();
        await().atMost(AWAIT).until(() -> server.streamRequests.size() == 4);
        stream.send(connected("2-2")).send(frame(event("2-3")));
        awaitMode(client, Mode.LIVE);
        await().atMost(AWAIT).until(() -> received.size() == 3);
        assertThat(received).extracting(EventEnvelope::id).containsExactly("2-1", "2-2", "2-3");

        // Live again: polling has stopped.
        int polls = server.pollRequests.size();
        clock.advance(Duration.ofSeconds(31));
        assertThat(server.pollRequests).hasSize(polls);
    }

    @Test
    void renewsTheTokenOn401AndReconnectsAtOnceWithoutCountingAFailure() throws Exception {
        var client = client();
        server.refuseStream(401, Map.of());
        var stream = server.openStream();
        client.connect();

        RecordedRequest refused = server.nextStreamRequest();
        RecordedRequest retried = server.nextStreamRequest();
        assertThat(refused.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(server.refreshRequests.poll(5, TimeUnit.SECONDS).getBody().utf8())
                .contains("refresh-1");
        assertThat(retried.getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        stream.send(connected("0-0"));
        awaitMode(client, Mode.LIVE);
        assertThat(session.accessToken()).isEqualTo("access-2");
    }

    @Test
    void stopsOn403AndSaysWhy() throws Exception {
        var client = client();
        server.refuseStream(403, Map.of());
        client.connect();

        awaitMode(client, Mode.OFFLINE);
        assertThat(client.state().reason()).contains("Scripted refusal 403");
        assertThat(client.state().nextTryAt()).isNull();
        clock.advance(Duration.ofMinutes(10));
        assertThat(server.streamRequests).hasSize(1);
    }

    @Test
    void stopsOn204AndSaysWhy() throws Exception {
        var client = client();
        server.refuseStream(204, Map.of());
        client.connect();

        awaitMode(client, Mode.OFFLINE);
        assertThat(client.state().reason()).contains("no real-time stream").contains("204");
        clock.advance(Duration.ofMinutes(10));
        assertThat(server.streamRequests).hasSize(1);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() throws Exception {
        var client = client();
        server.refuseStream(429, Map.of("Retry-After", "7"));
        client.connect();

        assertThat(awaitPlannedWait(client)).isEqualTo(Duration.ofSeconds(7));
        server.openStream().send(connected("0-0"));
        clock.advance(Duration.ofSeconds(6));
        assertThat(server.streamRequests).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        awaitMode(client, Mode.LIVE);
        assertThat(server.streamRequests).hasSize(2);
    }

    @Test
    void resetTellsListenersToReloadAndContinuesFromTheConnectedCursor() throws Exception {
        var client = client();
        List<String> reloads = new CopyOnWriteArrayList<>();
        client.onReload(reloads::add);
        var stream = server.openStream();
        client.connect();

        stream.send("event: reset\ndata: {\"reason\":\"cursor too old\"}\n\n").send(connected("9-9"));
        await().atMost(AWAIT).until(() -> reloads.size() == 1);
        assertThat(reloads).containsExactly("cursor too old");

        stream.end();
        awaitPlannedWait(client);
        server.openStream();
        clock.advance(Duration.ofSeconds(1));
        server.nextStreamRequest();
        assertThat(server.nextStreamRequest().getHeaders().get("Last-Event-ID")).isEqualTo("9-9");
    }

    @Test
    void watchdogReconnectsAStreamThatFallsSilentAndAnyByteKeepsItAlive() throws Exception {
        var client = client();
        var stream = server.openStream();
        client.connect();
        stream.send(connected("0-0"));
        awaitMode(client, Mode.LIVE);

        clock.advance(Duration.ofSeconds(50));
        stream.send(frame(event("1-1")));
        await().atMost(AWAIT).until(() -> received.size() == 1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(client.state().mode()).isEqualTo(Mode.LIVE);
        assertThat(server.streamRequests).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(client.state().mode()).isEqualTo(Mode.CONNECTING);
        assertThat(client.state().reason()).contains("stale");
        server.openStream();
        clock.advance(Duration.ofSeconds(1));
        server.nextStreamRequest();
        assertThat(server.nextStreamRequest().getHeaders().get("Last-Event-ID")).isEqualTo("1-1");
    }

    @Test
    void backoffStartsOverOnlyAfterAStableMinute() throws Exception {
        var client = client(withWatchdog(Duration.ofMinutes(10)));
        server.refuseStream(503, Map.of());
        client.connect();
        assertThat(awaitPlannedWait(client)).isEqualTo(Duration.ofSeconds(1));

        // Open, but dropped after 10 s: not stable, so the waits keep growing.
        var shortLived = server.openStream();
        clock.advance(Duration.ofSeconds(1));
        awaitMode(client, Mode.LIVE);
        clock.advance(Duration.ofSeconds(10));
        shortLived.end();
        assertThat(awaitPlannedWait(client)).isEqualTo(Duration.ofSeconds(2));

        // Open for a minute: stable, so the next wait is the first one again.
        var stable = server.openStream();
        clock.advance(Duration.ofSeconds(2));
        awaitMode(client, Mode.LIVE);
        clock.advance(Duration.ofSeconds(60));
        stable.end();
        assertThat(awaitPlannedWait(client)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void pollingDrainsFullPagesAtOnceSoNothingIsMissed() throws Exception {
        var d = RealtimeSettings.defaults();
        var client = client(new RealtimeSettings(
                d.backoffBase(),
                d.backoffCap(),
                d.jitter(),
                d.stablePeriod(),
                d.watchdogTimeout(),
                d.pollInterval(),
                1,
                2,
                d.cursorSaveDelay()));
        server.answerPoll(new EventPage(List.of(event("3-1"), event("3-2")), "3-2", false));
        server.answerPoll(new EventPage(List.of(event("3-3")), "3-3", false));
        server.refuseStream(503, Map.of());
        client.connect();
        awaitMode(client, Mode.POLLING);
        clock.runDue();

        await().atMost(AWAIT).until(() -> received.size() == 3);
        assertThat(received).extracting(EventEnvelope::id).containsExactly("3-1", "3-2", "3-3");
        assertThat(server.pollRequests.poll().getUrl().queryParameter("after")).isNull();
        assertThat(server.pollRequests.poll().getUrl().queryParameter("after")).isEqualTo("3-2");
    }

    @Test
    void aRestartedConsoleResumesFromTheSavedCursor() throws Exception {
        var first = client();
        var stream = server.openStream();
        first.connect();
        stream.send(connected("0-0")).send(frame(event("4-1"))).send(frame(event("4-2")));
        await().atMost(AWAIT).until(() -> received.size() == 2);
        first.close();
        server.nextStreamRequest();

        var second = client();
        server.openStream();
        second.connect();
        assertThat(server.nextStreamRequest().getHeaders().get("Last-Event-ID")).isEqualTo("4-2");
        assertThat(second.cursorFile()).isEqualTo(first.cursorFile()).hasContent("4-2");
    }

    @Test
    void unsubscribedAndOtherTypeListenersHearNothing() throws Exception {
        var client = client();
        List<EventEnvelope> checkouts = new CopyOnWriteArrayList<>();
        List<EventEnvelope> cancelled = new CopyOnWriteArrayList<>();
        client.subscribe(StudentCheckedOut.TYPE, checkouts::add);
        client.unsubscribe(client.subscribe(StudentCheckedIn.TYPE, cancelled::add));
        var stream = server.openStream();
        client.connect();

        stream.send(connected("0-0")).send(frame(event("5-1")));
        await().atMost(AWAIT).until(() -> received.size() == 1);
        assertThat(checkouts).isEmpty();
        assertThat(cancelled).isEmpty();
    }

    @Test
    void stateListenersHearTheCurrentStateAndEveryChange() throws Exception {
        var client = client();
        List<Mode> modes = new CopyOnWriteArrayList<>();
        client.onStateChange(state -> modes.add(state.mode()));
        var stream = server.openStream();
        client.connect();
        stream.send(connected("0-0"));
        awaitMode(client, Mode.LIVE);
        client.disconnect();

        await().atMost(AWAIT).until(() -> modes.size() == 4);
        assertThat(modes).containsExactly(Mode.OFFLINE, Mode.CONNECTING, Mode.LIVE, Mode.OFFLINE);
        assertThat(client.state().reason()).isEqualTo("Disconnected");
    }

    @Test
    void aRefusedRenewalStopsAndAsksTheUserToSignInAgain() throws Exception {
        var client = client();
        server.refuseRefresh();
        server.refuseStream(401, Map.of());
        client.connect();

        awaitMode(client, Mode.OFFLINE);
        assertThat(client.state().reason()).contains("sign in again");
        clock.advance(Duration.ofMinutes(10));
        assertThat(server.streamRequests).hasSize(1);
    }

    @Test
    void aPolledPageThatCannotResumeAsksListenersToReload() throws Exception {
        var client = client();
        List<String> reloads = new CopyOnWriteArrayList<>();
        client.onReload(reloads::add);
        for (int i = 0; i < 4; i++) {
            server.refuseStream(503, Map.of());
        }
        server.answerPoll(new EventPage(List.of(), "7-7", true));
        client.connect();
        clock.advance(awaitPlannedWait(client));
        clock.advance(awaitPlannedWait(client));
        awaitMode(client, Mode.POLLING);
        clock.runDue();

        await().atMost(AWAIT).until(() -> reloads.size() == 1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(server.pollRequests.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.pollRequests.poll(5, TimeUnit.SECONDS).getUrl().queryParameter("after"))
                .isEqualTo("7-7");
    }

    @Test
    void whenThePollsFailTooTheClientSaysItIsOfflineUntilOneWorks() throws Exception {
        var client = client();
        for (int i = 0; i < 4; i++) {
            server.refuseStream(503, Map.of());
        }
        server.failNextPoll();
        client.connect();
        clock.advance(awaitPlannedWait(client));
        clock.advance(awaitPlannedWait(client));
        awaitMode(client, Mode.POLLING);
        clock.runDue();

        awaitMode(client, Mode.OFFLINE);
        assertThat(client.state().reason()).contains("cannot be reached").contains("503");
        assertThat(client.state().nextTryAt()).isEqualTo(clock.now().plusSeconds(4));

        clock.advance(Duration.ofSeconds(30));
        awaitMode(client, Mode.POLLING);
        assertThat(client.state().reason()).isEqualTo(ConnectionState.POLLING_MESSAGE);
    }
}
