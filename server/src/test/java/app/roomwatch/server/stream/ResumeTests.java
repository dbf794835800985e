package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Resuming from a cursor: replay then live, resets, and the polling fallback's equal view of the log. */
class ResumeTests extends StreamTest {

    @Autowired
    EventPruner pruner;

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void resumesFromLastEventIdThenGoesLiveWithoutGapOrDuplicate() {
        TestTenant tenant = tenants.create();
        String group = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        String token = token(tenant, "sup1");
        String resumeFrom;
        try (SseClient first = live(token)) {
            events.checkIn(tenant, group, 0);
            resumeFrom = first.events(1, WAIT).getFirst().id();
        }
        events.checkIn(tenant, group, 1);
        events.checkIn(tenant, group, 2);
        try (SseClient resumed = stream(token, resumeFrom)) {
            resumed.next(); // retry
            SseClient.Frame connected = resumed.next();
            assertThat(connected.json().get("cursor").asString()).isEqualTo(resumeFrom);
            events.checkIn(tenant, group, 3);
            List<SseClient.Frame> seen = resumed.events(3, WAIT);
            assertThat(seen)
                    .extracting(
                            frame -> frame.json().get("data").get("studentId").asString())
                    .containsExactly(
                            tenant.studentIds().get(1),
                            tenant.studentIds().get(2),
                            tenant.studentIds().get(3));
            assertThat(seen)
                    .extracting(SseClient.Frame::id)
                    .doesNotContain(resumeFrom)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void resumesFromTheLastEventIdParameterOnAFirstConnect() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
        String cursor = api().bearer(token)
                .get("/api/events?after=0-0&limit=500")
                .json()
                .get("events")
                .valueStream()
                .filter(event -> event.get("data").path("occupancy").asInt(-1) == 1
                        && event.get("data").get("roomId").asString().equals(tenant.bigRoomId()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 2));
        try (SseClient client = SseClient.connect(
                port, "/api/sse/events?lastEventId=" + cursor, Map.of("Authorization", "Bearer " + token))) {
            SseClient.Frame next = client.events(1, WAIT).getFirst();
            assertThat(next.json().get("data").get("occupancy").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aMalformedCursorGetsAResetAndTheStreamGoesOnFromNow() {
        TestTenant tenant = tenants.create();
        try (SseClient client = stream(token(tenant, "sup1"), "not-a-cursor")) {
            client.next(); // retry
            SseClient.Frame connected = client.next();
            SseClient.Frame reset = client.next();
            assertThat(reset.event()).isEqualTo("reset");
            assertThat(reset.id()).isNull();
            assertThat(reset.json().get("reason").asString()).isEqualTo("unknown_cursor");
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 5));
            SseClient.Frame next = client.events(1, WAIT).getFirst();
            assertThat(next.id()).isNotEqualTo(connected.json().get("cursor").asString());
            assertThat(next.json().get("data").get("occupancy").asInt()).isEqualTo(5);
        }
    }

    @Test
    void thePollingPageHasTheSameEventsScopeAndCursorsAsTheStream() {
        TestTenant tenant = tenants.create();
        String group = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        String other = events.startGroup(tenant, tenant.smallRoomId(), tenant.sup2Id());
        String token = token(tenant, "sup1");
        String start =
                api().bearer(token).get("/api/events").json().get("cursor").asString();
        var streamed = new ArrayList<SseClient.Frame>();
        try (SseClient client = stream(token, start)) {
            events.checkIn(tenant, group, 0);
            events.checkIn(tenant, other, 1);
            events.append(
                    tenant.id(),
                    Topic.staff(tenant.sup2Id()),
                    new NotificationCreated("1", NotificationPriority.INFO, "For sup2", "only", "k"));
            events.append(
                    tenant.id(),
                    Topic.staff(tenant.sup1Id()),
                    new NotificationCreated("2", NotificationPriority.URGENT, "For sup1", "too", "k"));
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), group, 1));
            client.until(
                    frame -> {
                        if (frame.id() != null) {
                            streamed.add(frame);
                        }
                        return frame.event().equals("room_occupancy");
                    },
                    WAIT);
        }

        var page = api().bearer(token)
                .get("/api/events?after=" + start + "&limit=500")
                .json();
        assertThat(page.get("reset").asBoolean()).isFalse();
        assertThat(page.get("events").valueStream().map(event -> event.toString()))
                .containsExactlyElementsOf(
                        streamed.stream().map(frame -> frame.json().toString()).toList());
        assertThat(page.get("cursor").asString()).isEqualTo(streamed.getLast().id());
        assertThat(streamed)
                .extracting(frame -> frame.json().get("topic").asString())
                .containsOnly("tenant", "staff:" + tenant.sup1Id(), "active-group:" + group);

        var firstTwo = api().bearer(token)
                .get("/api/events?after=" + start + "&limit=2")
                .json();
        assertThat(firstTwo.get("events")).hasSize(2);
        assertThat(firstTwo.get("cursor").asString()).isEqualTo(streamed.get(1).id());
        assertThat(api().bearer(token)
                        .get("/api/events?after=" + start + "&limit=0")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aCursorOlderThanTheRetentionWindowGetsAResetOnTheStreamAndOnThePage() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        String start =
                api().bearer(token).get("/api/events").json().get("cursor").asString();
        events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
        events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 2));
        var written =
                api().bearer(token).get("/api/events?after=" + start).json().get("events");
        String pruned = written.get(0).get("id").asString();
        String second = written.get(1).get("id").asString();

        clock.advance(Duration.ofDays(8));
        events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 3));
        // Retention is measured back from the clock: the first two events are 8 days old now.
        int deleted = pruner.prune();
        assertThat(deleted).isGreaterThanOrEqualTo(2);

        try (SseClient client = stream(token(tenant, "sup1"), pruned)) {
            client.next(); // retry
            client.next(); // connected
            SseClient.Frame reset = client.next();
            assertThat(reset.event()).isEqualTo("reset");
            assertThat(reset.json().get("reason").asString()).isEqualTo("cursor_expired");
        }
        var page = api().bearer(token(tenant, "sup1"))
                .get("/api/events?after=" + second)
                .json();
        assertThat(page.get("reset").asBoolean()).isTrue();
        assertThat(page.get("events")).isEmpty();
    }

    @Test
    void anEventThisVersionCanNotReadIsSkippedWithoutStallingTheStream() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        String start =
                api().bearer(token).get("/api/events").json().get("cursor").asString();
        try (SseClient client = live(token)) {
            jdbc.sql("INSERT INTO event (tenant_id, topic, type, version, payload, emitted_at)"
                            + " VALUES (:tenant, 'tenant', 'from_the_future', 1, '{}', now())")
                    .param("tenant", tenant.id())
                    .update();
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 7));

            SseClient.Frame next = client.events(1, WAIT).getFirst();
            assertThat(next.json().get("data").get("occupancy").asInt()).isEqualTo(7);
        }
        var page = api().bearer(token).get("/api/events?after=" + start).json();
        assertThat(page.get("events")
                        .valueStream()
                        .map(event -> event.get("type").asString()))
                .containsExactly("room_occupancy");
    }
}
