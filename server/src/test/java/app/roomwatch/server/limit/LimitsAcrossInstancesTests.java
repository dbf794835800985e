package app.roomwatch.server.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.server.RoomwatchServer;
import app.roomwatch.server.testing.MutableClock;
import app.roomwatch.server.testing.TestDatabase;
import app.roomwatch.server.testing.TestTenants;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one database count every limit together: what one instance counted, the other refuses. Clients
 * come from two loopback addresses of their own, 127.0.0.3 (the staff member) and 127.0.0.4 (a stranger), so that
 * no other test's traffic counts against them.
 */
class LimitsAcrossInstancesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient FROM_DESK = client("127.0.0.3");
    private static final HttpClient FROM_STRANGER = client("127.0.0.4");

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static TestTenants tenants;

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
        tenants = new TestTenants(first.getBean(JdbcClient.class), first.getBean(PasswordEncoder.class));
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
                        "spring.main.banner-mode=off",
                        "roomwatch.auth.max-failed-logins=3",
                        "roomwatch.auth.max-failed-logins-per-address=8",
                        "roomwatch.auth.unknown-device-keys-per-address=3",
                        "roomwatch.scan.requests-per-minute=4",
                        "roomwatch.stream.connects-per-minute=5",
                        "roomwatch.stream.max-streams-per-staff=2")
                // application.properties names the management port, and outranks the properties above.
                .run("--management.server.port=0");
    }

    @Test
    void wrongPasswordsCountOnBothInstancesAndOnlyFromTheAddressThatSentThem() {
        TestTenant tenant = tenants.create();
        assertThat(login(first, FROM_STRANGER, tenant, "sup1", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(login(second, FROM_STRANGER, tenant, "sup1", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(login(first, FROM_STRANGER, tenant, "sup1", "wrong").statusCode())
                .isEqualTo(401);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            HttpResponse<String> refused = login(instance, FROM_STRANGER, tenant, "sup1", TestTenants.PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Long.parseLong(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 60L);
        }
        // The stranger's guesses do not keep the staff member out of her own desk.
        assertThat(login(second, FROM_DESK, tenant, "sup1", TestTenants.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void parallelWrongPasswordsGetNoMorePasswordChecksThanTheLimit() throws Exception {
        TestTenant tenant = tenants.create();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
            attempts.add(
                    () -> login(instance, FROM_DESK, tenant, "sup2", "wrong").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(3);
    }

    @Test
    void aScannersRequestsAndUnknownKeysCountOnBothInstances() {
        TestTenant tenant = tenants.create();
        String admin = token(login(first, FROM_DESK, tenant, "admin", TestTenants.PASSWORD));
        HttpResponse<String> registered = send(
                first,
                FROM_DESK,
                "POST",
                "/api/admin/devices",
                admin,
                JSON.writeValueAsString(new DeviceRegistration("Door", tenant.bigRoomId())));
        String key = JSON.readTree(registered.body()).get("apiKey").asString();
        for (ConfigurableApplicationContext instance : List.of(first, second, first, second)) {
            assertThat(send(instance, FROM_DESK, "POST", "/api/iot/heartbeat", key, null)
                            .statusCode())
                    .isEqualTo(204);
        }
        assertThat(send(second, FROM_DESK, "POST", "/api/iot/heartbeat", key, null)
                        .statusCode())
                .isEqualTo(429);
        assertThat(send(first, FROM_DESK, "POST", "/api/iot/heartbeat", key, null)
                        .statusCode())
                .isEqualTo(429);

        for (ConfigurableApplicationContext instance : List.of(first, second, first)) {
            assertThat(send(instance, FROM_STRANGER, "POST", "/api/iot/heartbeat", "rw_guess", null)
                            .statusCode())
                    .isEqualTo(401);
        }
        for (ConfigurableApplicationContext instance : List.of(second, first)) {
            HttpResponse<String> refused =
                    send(instance, FROM_STRANGER, "POST", "/api/iot/heartbeat", "rw_guess", null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("unknown scanner keys");
        }
    }

    @Test
    void sixHundredAMinuteOnTwoInstancesAtOnceLetsExactlySixHundredThroughAndRefusesTheNext() throws Exception {
        // Each instance's limits on its own pool, both on one clock that moves only when told: no refill mid-test.
        MutableClock clock = new MutableClock(Instant.now());
        SharedLimits onFirst = limits(first, clock);
        SharedLimits onSecond = limits(second, clock);
        SharedLimits.Rate perMinute = new SharedLimits.Rate("test-scanner", 600, Duration.ofMinutes(1));
        String scanner = "scanner-" + System.nanoTime();
        List<Callable<Duration>> requests = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            SharedLimits limits = i % 2 == 0 ? onFirst : onSecond;
            requests.add(() -> limits.take(perMinute, scanner));
        }
        List<Duration> waits = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Duration> wait : pool.invokeAll(requests)) {
                waits.add(wait.get());
            }
        }
        assertThat(waits.stream().filter(Duration::isZero)).hasSize(600);
        assertThat(waits.stream().filter(wait -> !wait.isZero()))
                .hasSize(100)
                .allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(1)));

        // One token comes back every 100 ms, for whichever instance asks first; a token given back counts at once.
        clock.advance(Duration.ofMillis(100));
        assertThat(onSecond.take(perMinute, scanner)).isZero();
        assertThat(onFirst.take(perMinute, scanner)).isPositive();
        onFirst.giveBack(perMinute, scanner);
        assertThat(onSecond.take(perMinute, scanner)).isZero();
        assertThat(onFirst.take(perMinute, scanner)).isPositive();
        // A minute later the bucket is full again: 600 more, not one more than that.
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 600; i++) {
            assertThat((i % 2 == 0 ? onFirst : onSecond).take(perMinute, scanner))
                    .isZero();
        }
        assertThat(onSecond.take(perMinute, scanner)).isPositive();
    }

    @Test
    void batchesOfTakesOnTwoInstancesAtOnceCountEveryKeyAsSingleTakesWould() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SharedLimits onFirst = limits(first, clock);
        SharedLimits onSecond = limits(second, clock);
        SharedLimits.Rate perMinute = new SharedLimits.Rate("test-batch", 100, Duration.ofMinutes(1));
        String busy = "busy-" + System.nanoTime();
        String quiet = "quiet-" + System.nanoTime();
        // Batches of ten, a busy scanner three times in each and a quiet one once, on both instances at once: 30
        // batches ask the busy scanner's bucket for 90 tokens at the same time as single takes ask for 30 more.
        List<Callable<List<Duration>>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            SharedLimits batchOn = i % 2 == 0 ? onFirst : onSecond;
            SharedLimits singleOn = i % 2 == 0 ? onSecond : onFirst;
            List<String> keys = new ArrayList<>(List.of(busy, busy, busy, quiet));
            for (int k = 0; k < 6; k++) {
                keys.add("other-" + i + "-" + k + "-" + System.nanoTime());
            }
            requests.add(() -> batchOn.takeAll(perMinute, keys));
            requests.add(() -> List.of(singleOn.take(perMinute, busy)));
        }
        List<List<Duration>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<List<Duration>> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        }
        List<Duration> busyWaits = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            List<Duration> waits = answers.get(i);
            if (i % 2 == 0) {
                busyWaits.addAll(waits.subList(0, 3));
                // The quiet scanner and the others each took their one token.
                assertThat(waits.subList(3, waits.size()))
                        .allSatisfy(wait -> assertThat(wait).isZero());
            } else {
                busyWaits.addAll(waits);
            }
        }
        // 120 asked of a bucket of 100: exactly 100 taken, the rest told to wait for the next token.
        assertThat(busyWaits.stream().filter(Duration::isZero)).hasSize(100);
        assertThat(busyWaits.stream().filter(wait -> !wait.isZero()))
                .hasSize(20)
                .allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(1)));
        // Both ways count in the same bucket: one token a 600 ms, for whichever comes first.
        clock.advance(Duration.ofMillis(600));
        assertThat(onFirst.takeAll(perMinute, List.of(busy, quiet, busy)))
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
        assertThat(onSecond.take(perMinute, busy)).isPositive();
    }

    private static SharedLimits limits(ConfigurableApplicationContext instance, MutableClock clock) {
        return new SharedLimits(
                new LimitQueries(instance.getBean(JdbcClient.class)),
                clock,
                new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)));
    }

    @Test
    void streamConnectsCountOnBothInstances() throws IOException {
        TestTenant tenant = tenants.create();
        String token = token(login(first, FROM_DESK, tenant, "sup1", TestTenants.PASSWORD));
        for (ConfigurableApplicationContext instance : List.of(first, second, first, second, first)) {
            HttpResponse<InputStream> stream = connect(instance, token);
            assertThat(stream.statusCode()).isEqualTo(200);
            stream.body().close();
            // Gone before the next connect, so that only connects are counted here, not open streams.
            await().atMost(Duration.ofSeconds(5)).until(() -> slots(tenant) == 0);
        }
        for (ConfigurableApplicationContext instance : List.of(second, first)) {
            HttpResponse<InputStream> refused = connect(instance, token);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("connections a minute");
        }
    }

    @Test
    void openStreamsCountOnBothInstances() throws IOException {
        TestTenant tenant = tenants.create();
        String token = token(login(first, FROM_DESK, tenant, "sup2", TestTenants.PASSWORD));
        HttpResponse<InputStream> onFirst = connect(first, token);
        HttpResponse<InputStream> onSecond = connect(second, token);
        try {
            assertThat(onFirst.statusCode()).isEqualTo(200);
            assertThat(onSecond.statusCode()).isEqualTo(200);
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                HttpResponse<InputStream> refused = connect(instance, token);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("2 streams may be open");
            }
            onFirst.body().close();
            await().atMost(Duration.ofSeconds(5)).until(() -> slots(tenant) == 1);
            HttpResponse<InputStream> again = connect(second, token);
            assertThat(again.statusCode()).isEqualTo(200);
            again.body().close();
        } finally {
            onFirst.body().close();
            onSecond.body().close();
        }
    }

    private static long slots(TestTenant tenant) {
        return first.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM stream_slot WHERE tenant_id = :tenant")
                .param("tenant", tenant.id())
                .query(Long.class)
                .single();
    }

    /** Opens a stream; the caller closes its body. */
    private static HttpResponse<InputStream> connect(ConfigurableApplicationContext instance, String token) {
        try {
            return FROM_DESK.send(
                    HttpRequest.newBuilder(URI.create(base(instance) + "/api/sse/events"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> login(
            ConfigurableApplicationContext instance,
            HttpClient from,
            TestTenant tenant,
            String username,
            String password) {
        return send(
                instance,
                from,
                "POST",
                "/api/auth/login",
                null,
                JSON.writeValueAsString(new LoginRequest(tenant.slug(), username, password)));
    }

    private static String token(HttpResponse<String> login) {
        assertThat(login.statusCode()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asString();
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext instance,
            HttpClient from,
            String method,
            String path,
            String bearer,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(instance) + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return from.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static HttpClient client(String localAddress) {
        try {
            return HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(localAddress))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
