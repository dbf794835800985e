package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.RoomwatchServer;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.testing.TestDatabase;
import app.roomwatch.server.testing.TestTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two server instances on one PostgreSQL, as in production behind a load balancer. */
class ScaleOutTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String FIRST = "roomwatch-first";
    static final String SECOND = "roomwatch-second";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance(FIRST, "1s");
        // The second instance reads the log only every minute unless woken: what reaches it within WAIT came by the
        // first instance's NOTIFY (or, after a lost listening connection, by the catch-up read on re-listening).
        second = instance(SECOND, "1m");
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    static ConfigurableApplicationContext instance(String name, String pollInterval) {
        return new SpringApplicationBuilder(RoomwatchServer.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "roomwatch.automation.enabled=false",
                        "roomwatch.stream.poll-interval=" + pollInterval,
                        "spring.main.banner-mode=off",
                        // Names this instance's pooled connections, so that a test can cut exactly those.
                        "spring.datasource.hikari.data-source-properties.ApplicationName=" + name)
                // application.properties names the management port, and outranks the properties above.
                .run("--management.server.port=0");
    }

    @Test
    void aScanPostedToOneInstanceReachesAStreamOfTheOtherAlsoAfterThatInstanceLostEveryDatabaseConnection() {
        var tenant = new TestTenants(first.getBean(JdbcClient.class), first.getBean(PasswordEncoder.class)).create();
        String admin = login(port(first), tenant.slug(), "admin");
        String group = post(
                        port(first),
                        "/api/active/groups",
                        admin,
                        Map.of(),
                        new StartActivityRequest("Chess", tenant.bigRoomId(), null, List.of(tenant.sup1Id())))
                .get("id")
                .asString();
        String door = post(
                        port(first),
                        "/api/admin/devices",
                        admin,
                        Map.of(),
                        new DeviceRegistration("Door", tenant.bigRoomId()))
                .get("apiKey")
                .asString();
        try (SseClient client = SseClient.connect(port(second), login(port(second), tenant.slug(), "sup1"))) {
            client.next(); // retry
            client.next(); // connected

            scan(door, tenant.rfidTags().get(0));
            assertCheckIn(client, group, tenant.studentIds().get(0));

            // Every connection the second instance has to PostgreSQL dies at once: the listener's and the pool's.
            int listener = second.getBean(LogListener.class).backendPid();
            List<Boolean> terminated = first.getBean(JdbcClient.class)
                    .sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = :pool OR pid = :listener")
                    .param("pool", SECOND)
                    .param("listener", listener)
                    .query(Boolean.class)
                    .list();
            assertThat(terminated).hasSizeGreaterThan(1).containsOnly(true);

            scan(door, tenant.rfidTags().get(1));
            assertCheckIn(client, group, tenant.studentIds().get(1));
        }
    }

    @Test
    void aScannerKeyRevokedOnOneInstanceIsRefusedByBothAtOnceThoughTheOtherHadItInMemory() throws Exception {
        var tenant = new TestTenants(first.getBean(JdbcClient.class), first.getBean(PasswordEncoder.class)).create();
        String admin = login(port(first), tenant.slug(), "admin");
        post(
                port(first),
                "/api/active/groups",
                admin,
                Map.of(),
                new StartActivityRequest("Chess", tenant.bigRoomId(), null, List.of(tenant.sup1Id())));
        JsonNode door = post(
                port(first), "/api/admin/devices", admin, Map.of(), new DeviceRegistration("Door", tenant.bigRoomId()));
        String key = door.get("apiKey").asString();
        // Both instances have used the key, so both keep it in memory.
        assertThat(scanStatus(port(first), key, tenant.rfidTags().get(0))).isEqualTo(200);
        assertThat(scanStatus(port(second), key, tenant.rfidTags().get(1))).isEqualTo(200);
        assertThat(scanStatus(port(second), key, tenant.rfidTags().get(2))).isEqualTo(200);

        HttpResponse<String> revoked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port(first) + "/api/admin/devices/"
                                        + door.get("id").asString()))
                                .header("Authorization", "Bearer " + admin)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isBetween(200, 204);

        assertThat(scanStatus(port(first), key, tenant.rfidTags().get(3))).isEqualTo(401);
        // The other instance hears of it on the control channel: within milliseconds, well before the 10 s for which
        // a key is kept at most.
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> scanStatus(port(second), key, tenant.rfidTags().get(3)) == 401);
    }

    private static int scanStatus(int port, String key, String tag) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/iot/scans"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + key)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(new ScanRequest(tag, null, null))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static void assertCheckIn(SseClient client, String group, String student) {
        var checkIn = client.until(frame -> "student_checkin".equals(frame.event()), WAIT);
        assertThat(checkIn.json().get("topic").asString()).isEqualTo("active-group:" + group);
        assertThat(checkIn.json().get("data").get("studentId").asString()).isEqualTo(student);
    }

    private static void scan(String door, String tag) {
        post(
                port(first),
                "/api/iot/scans",
                door,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                new ScanRequest(tag, null, null));
    }

    private static JsonNode post(int port, String path, String token, Map<String, String> headers, Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void anEventWrittenOnOneInstanceReachesClientsOfTheOtherEvenAfterItsListenerIsKilled() {
        var tenant = new TestTenants(first.getBean(JdbcClient.class), first.getBean(PasswordEncoder.class)).create();
        String token = login(port(first), tenant.slug(), "sup1");
        try (SseClient client = SseClient.connect(port(second), token)) {
            client.next(); // retry
            client.next(); // connected

            occupancy(tenant.id(), tenant.bigRoomId(), 1);
            assertThat(client.events(1, WAIT)
                            .getFirst()
                            .json()
                            .get("data")
                            .get("occupancy")
                            .asInt())
                    .isEqualTo(1);

            LogListener listener = second.getBean(LogListener.class);
            int killed = listener.backendPid();
            assertThat(killed).isPositive();
            boolean terminated = first.getBean(JdbcClient.class)
                    .sql("SELECT pg_terminate_backend(:pid)")
                    .param("pid", killed)
                    .query(Boolean.class)
                    .single();
            assertThat(terminated).isTrue();

            // Written while the second instance may have nobody listening: it must catch up from the log.
            occupancy(tenant.id(), tenant.bigRoomId(), 2);
            assertThat(client.events(1, WAIT)
                            .getFirst()
                            .json()
                            .get("data")
                            .get("occupancy")
                            .asInt())
                    .isEqualTo(2);

            await().atMost(WAIT).until(() -> listener.backendPid() != 0 && listener.backendPid() != killed);
            occupancy(tenant.id(), tenant.bigRoomId(), 3);
            assertThat(client.events(1, WAIT)
                            .getFirst()
                            .json()
                            .get("data")
                            .get("occupancy")
                            .asInt())
                    .isEqualTo(3);
        }
    }

    private static void occupancy(long tenant, String room, int occupancy) {
        first.getBean(TransactionTemplate.class)
                .executeWithoutResult(status -> first.getBean(EventLog.class)
                        .append(tenant, Topic.TENANT, new RoomOccupancyChanged(room, null, occupancy)));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    private static String login(int port, String tenant, String username) {
        String body = JSON.writeValueAsString(new LoginRequest(tenant, username, TestTenants.PASSWORD));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body()).get("accessToken").asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
