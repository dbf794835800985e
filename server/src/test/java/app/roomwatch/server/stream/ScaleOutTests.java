package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.RoomwatchServer;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.testing.TestDatabase;
import app.roomwatch.server.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Two server instances on one PostgreSQL, as in production behind a load balancer. */
class ScaleOutTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
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

    static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(RoomwatchServer.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "roomwatch.automation.enabled=false",
                        "spring.main.banner-mode=off")
                .run();
    }

    @Test
    void anEventWrittenOnOneInstanceReachesClientsOfTheOtherEvenAfterItsListenerIsKilled() {
        var tenant = new TestTenants(first.getBean(JdbcClient.class), first.getBean(PasswordEncoder.class)).create();
        String token = login(port(first), tenant.slug());
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

    private static String login(int port, String tenant) {
        String body =
                "{\"tenant\":\"" + tenant + "\",\"username\":\"sup1\",\"password\":\"" + TestTenants.PASSWORD + "\"}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JsonMapper.builder()
                    .build()
                    .readTree(response.body())
                    .get("accessToken")
                    .asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
