package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames, headers, control frames, scopes and metrics of a live stream. */
class StreamTests extends StreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void writesRetryThenConnectedThenEventFramesWithStreamHeaders() {
        TestTenant tenant = tenants.create();
        String group = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        try (SseClient client = stream(token(tenant, "sup1"))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            assertThat(client.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");

            SseClient.Frame retry = client.next();
            assertThat(retry.retry()).isEqualTo("2000");
            assertThat(retry.id()).isNull();

            SseClient.Frame connected = client.next();
            assertThat(connected.event()).isEqualTo("connected");
            assertThat(connected.id()).isNull();
            assertThat(connected.json().get("topics").valueStream().map(node -> node.asString()))
                    .containsExactly("tenant", "staff:" + tenant.sup1Id(), "active-group:" + group);
            assertThat(connected.json().get("cursor").asString()).matches("\\d+-\\d+");

            events.checkIn(tenant, group, 0);
            SseClient.Frame checkin = client.until(frame -> frame.id() != null, WAIT);
            assertThat(checkin.event()).isEqualTo("student_checkin");
            var envelope = checkin.json();
            assertThat(envelope.get("id").asString()).isEqualTo(checkin.id());
            assertThat(envelope.get("type").asString()).isEqualTo("student_checkin");
            assertThat(envelope.get("version").asInt()).isEqualTo(1);
            assertThat(envelope.get("topic").asString()).isEqualTo("active-group:" + group);
            assertThat(envelope.get("emittedAt").asString())
                    .isEqualTo(clock.instant().toString());
            assertThat(envelope.get("data").get("studentId").asString())
                    .isEqualTo(tenant.studentIds().getFirst());
            assertThat(checkin.id()).matches("\\d+-\\d+");
        }
    }

    @Test
    void aSupervisorSeesOnlyTheirOwnGroupsAndTenantWhileAnAdminSeesEveryGroup() {
        TestTenant tenant = tenants.create();
        TestTenant other = tenants.create();
        String mine = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        String theirs = events.startGroup(tenant, tenant.smallRoomId(), tenant.sup2Id());
        String otherTenantsGroup = events.startGroup(other, other.bigRoomId(), other.sup1Id());
        try (SseClient sup1 = live(token(tenant, "sup1"));
                SseClient admin = live(token(tenant, "admin"))) {
            events.checkIn(tenant, theirs, 1);
            events.checkIn(other, otherTenantsGroup, 0);
            events.append(other.id(), Topic.TENANT, new RoomOccupancyChanged(other.bigRoomId(), null, 0));
            events.append(
                    tenant.id(),
                    Topic.staff(tenant.sup2Id()),
                    new NotificationCreated("1", NotificationPriority.INFO, "For sup2", "only", "k"));
            events.checkIn(tenant, mine, 2);
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), mine, 1));

            List<SseClient.Frame> seen = sup1.events(2, WAIT);
            assertThat(seen)
                    .extracting(frame -> frame.json().get("topic").asString())
                    .containsExactly("active-group:" + mine, "tenant");
            assertThat(seen.getLast().json().get("data").get("roomId").asString())
                    .isEqualTo(tenant.bigRoomId());

            List<SseClient.Frame> adminSaw = admin.events(3, WAIT);
            assertThat(adminSaw)
                    .extracting(frame -> frame.json().get("topic").asString())
                    .containsExactly("active-group:" + theirs, "active-group:" + mine, "tenant");
        }
        // Nothing else arrived after the last expected event: write a marker and check it comes next.
        try (SseClient sup1 = live(token(tenant, "sup1"))) {
            events.checkIn(tenant, theirs, 3);
            events.checkIn(other, otherTenantsGroup, 1);
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), mine, 2));
            SseClient.Frame next = sup1.events(1, WAIT).getFirst();
            assertThat(next.json().get("data").get("occupancy").asInt()).isEqualTo(2);
        }
    }

    @Test
    void scopeFollowsSupervisionChangesBothWaysWhileTheStreamIsOpen() {
        TestTenant tenant = tenants.create();
        String group = events.startGroup(tenant, tenant.bigRoomId(), tenant.sup1Id());
        try (SseClient sup2 = live(token(tenant, "sup2"))) {
            events.checkIn(tenant, group, 0); // not sup2's yet
            events.setSupervisors(tenant, group, tenant.sup1Id(), tenant.sup2Id());
            events.checkIn(tenant, group, 1); // sup2's now
            events.setSupervisors(tenant, group, tenant.sup1Id());
            events.checkIn(tenant, group, 2); // no longer sup2's
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), group, 3));

            List<SseClient.Frame> seen = sup2.events(4, WAIT);
            assertThat(seen)
                    .extracting(SseClient.Frame::event)
                    .containsExactly("supervision_changed", "student_checkin", "supervision_changed", "room_occupancy");
            assertThat(seen.get(1).json().get("data").get("studentId").asString())
                    .isEqualTo(tenant.studentIds().get(1));
            assertThat(seen.get(0)
                            .json()
                            .get("data")
                            .get("activeGroupIds")
                            .valueStream()
                            .map(n -> n.asString()))
                    .containsExactly(group);
        }
    }

    @Test
    void aTokenInTheUrlIsRefused() {
        TestTenant tenant = tenants.create();
        String token = token(tenant, "sup1");
        try (SseClient withHeader = SseClient.connect(
                        port, "/api/sse/events?access_token=" + token, Map.of("Authorization", "Bearer " + token));
                SseClient withoutHeader = SseClient.connect(port, "/api/sse/events?access_token=" + token, Map.of())) {
            assertThat(withHeader.status()).isEqualTo(401);
            assertThat(withHeader.header("Content-Type")).startsWith("application/problem+json");
            assertThat(withoutHeader.status()).isEqualTo(401);
        }
        assertThat(api().bearer(token).get("/api/events?access_token=" + token).status())
                .isEqualTo(401);
        // Elsewhere the parameter is not a credential at all: only the Authorization header is read.
        assertThat(api().get("/api/me?access_token=" + token).status()).isEqualTo(401);
        assertThat(api().bearer(token).get("/api/me?access_token=" + token).status())
                .isEqualTo(200);
    }

    @Test
    void theStreamsMetricsCountConnectionsEventsReadAndDeliveries() {
        TestTenant tenant = tenants.create();
        TokenResponse session = login(tenant, "sup1");
        assertThat(prometheus())
                .contains(
                        "roomwatch_stream_replayed_total ",
                        "roomwatch_stream_overflow_closes_total ",
                        "roomwatch_stream_rejected_total ",
                        "roomwatch_stream_delivery_lag_seconds_bucket{");
        double connections = metric("roomwatch_stream_connections");
        double read = metric("roomwatch_stream_events_read_total");
        double delivered = metric("roomwatch_stream_deliveries_total");
        long lagged = (long) metric("roomwatch_stream_delivery_lag_seconds_count");

        try (SseClient client = live(session.accessToken())) {
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_connections") == connections + 1);

            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 1));
            client.events(1, WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(metric("roomwatch_stream_events_read_total")).isGreaterThanOrEqualTo(read + 1);
                assertThat(metric("roomwatch_stream_deliveries_total")).isGreaterThanOrEqualTo(delivered + 1);
                assertThat((long) metric("roomwatch_stream_delivery_lag_seconds_count"))
                        .isGreaterThan(lagged);
            });

            assertThat(api().post("/api/auth/logout", new RefreshRequest(session.refreshToken()))
                            .status())
                    .isEqualTo(204);
            client.awaitEnd(WAIT);
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_connections") == connections);
        }
        // Requests are observed, a stream (its request lasting as long as the stream) is not.
        assertThat(prometheus())
                .contains("http_server_requests_seconds_count{", "uri=\"/api/auth/logout\"")
                .doesNotContain("uri=\"/api/sse/events\"");
    }

    @Test
    void theBacklogGaugesShowEventsHeldBackByAnOpenTransaction() throws Exception {
        TestTenant tenant = tenants.create();
        try (SseClient client = live(token(tenant, "sup1"));
                Connection idle = dataSource.getConnection()) {
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_hub_behind_events") == 0);

            // An idle transaction that has a transaction id holds the read fence back for everyone.
            idle.setAutoCommit(false);
            try (Statement statement = idle.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            events.append(tenant.id(), Topic.TENANT, new RoomOccupancyChanged(tenant.bigRoomId(), null, 7));
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_hub_behind_events") >= 1);
            // The held-back event was emitted at the test clock's time: its age is exactly how far the clock moves.
            clock.advance(Duration.ofSeconds(42));
            assertThat(metric("roomwatch_stream_hub_behind_seconds")).isEqualTo(42.0);

            idle.rollback();
            assertThat(client.events(1, WAIT)
                            .getFirst()
                            .json()
                            .get("data")
                            .get("occupancy")
                            .asInt())
                    .isEqualTo(7);
            await().atMost(WAIT).until(() -> metric("roomwatch_stream_hub_behind_events") == 0);
        }
    }

    private String prometheus() {
        return management().get("/actuator/prometheus").body();
    }

    /** The sum of a metric's samples over all its tags, or NaN when it is not there. */
    private double metric(String name) {
        return prometheus()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Double::sum)
                .orElse(Double.NaN);
    }
}
