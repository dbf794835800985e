package app.roomwatch.server.testing;

import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests against a real server on a random port with the shared embedded PostgreSQL ({@link TestDatabase}),
 * a {@link MutableClock} in place of the application's clock, and the automatic work's scheduler off (call
 * {@code AutomaticWork.runOnce()} instead). Every subclass without extra configuration shares one Spring context.
 *
 * <p>Subclasses get {@link #port}, {@link #clock}, and {@link #tenants} to create a fresh tenant of their own, and
 * call the API with a real HTTP client ({@link Api}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roomwatch.automation.enabled=false",
            // Every test comes from 127.0.0.1 and the limits' buckets live in the shared database: limits per client
            // address are tested on addresses of their own (LimitsAcrossInstancesTests), not summed over the suite.
            "roomwatch.auth.max-failed-logins-per-address=100000",
            "roomwatch.auth.unknown-device-keys-per-address=100000",
            // Four lanes on any machine: a tenant's two rooms (consecutive ids) record in lanes of their own, so the
            // tests of concurrent scans in two rooms see two transactions.
            "roomwatch.scan.lanes=4"
        })
@Import(ServerTest.TestClockConfiguration.class)
public abstract class ServerTest {

    @LocalServerPort
    protected int port;

    /** Health and metrics: a port of their own, on 127.0.0.1. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestTenants tenants;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /**
     * A transaction of its own that holds an activity's row locked until it is rolled back: a scan into its room waits
     * for it, and keeps its lane waiting.
     */
    protected Connection holdActivity(String activityId) throws SQLException {
        Connection hold = dataSource.getConnection();
        hold.setAutoCommit(false);
        try (Statement lock = hold.createStatement()) {
            lock.execute("SELECT id FROM active_group WHERE id = " + Long.parseLong(activityId) + " FOR UPDATE");
        }
        return hold;
    }

    /**
     * Group commit made to happen: sends {@code first}, which keeps its lane waiting while {@code activityId} is held
     * locked from here, then each of {@code queued} once the one before it waits in the lane, lets go, and answers
     * every answer, the first one's first. The queued requests are recorded together, in this order.
     */
    protected List<Api.Response> queuedBehind(
            String activityId, Callable<Api.Response> first, List<Callable<Api.Response>> queued) throws Exception {
        try (ExecutorService pool = Executors.newCachedThreadPool();
                Connection hold = holdActivity(activityId)) {
            List<Future<Api.Response>> answers = new ArrayList<>();
            answers.add(pool.submit(first));
            waitUntilWaitingForLocks(1);
            for (Callable<Api.Response> request : queued) {
                answers.add(pool.submit(request));
                waitUntilQueued(answers.size() - 1);
            }
            hold.rollback();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        }
    }

    /**
     * {@link #queuedBehind} for scans at one door, each with a fresh key: the first tag's scan holds the lane, the
     * others queue behind it in their order.
     */
    protected List<Api.Response> scansQueuedBehind(String activityId, String door, List<String> tags) throws Exception {
        return queuedBehind(
                activityId,
                () -> scan(door, tags.getFirst()),
                tags.subList(1, tags.size()).stream()
                        .<Callable<Api.Response>>map(tag -> () -> scan(door, tag))
                        .toList());
    }

    /** Waits (up to 10 s) until this many scans wait for their lane. */
    protected void waitUntilQueued(int scans) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (meters.get("roomwatch.scan.queued").gauge().value() < scans) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(scans + " scans should be waiting for their lane");
            }
            Thread.sleep(20);
        }
    }

    /** Waits (up to 10 s) until this many database sessions wait for a lock. */
    protected void waitUntilWaitingForLocks(int sessions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """).query(Long.class).single() < sessions) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sessions + " sessions should be waiting for a lock");
            }
            Thread.sleep(20);
        }
    }

    /** An HTTP client for this server. */
    protected Api api() {
        return new Api(port);
    }

    /** An HTTP client for this server's management port. */
    protected Api management() {
        return new Api(managementPort);
    }

    /** The tenant's event log in stream order. */
    protected List<LoggedEvent> events(long tenantId) {
        JsonMapper json = JsonMapper.builder().build();
        return jdbc.sql("SELECT topic, type, payload::text FROM event WHERE tenant_id = :tenant ORDER BY tx_id, id")
                .param("tenant", tenantId)
                .query((rs, n) -> new LoggedEvent(rs.getString(1), rs.getString(2), json.readTree(rs.getString(3))))
                .list();
    }

    /** The tenant's events of one type, in stream order. */
    protected List<LoggedEvent> events(long tenantId, String type) {
        return events(tenantId).stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Registers a scanner in {@code roomId} through the admin API and answers its API key. */
    protected String registerDevice(TestTenants.TestTenant tenant, String roomId) {
        Api.Response response =
                as(tenant, "admin").post("/api/admin/devices", new DeviceRegistration("Door " + roomId, roomId));
        if (response.status() != 201) {
            throw new AssertionError("device registration failed: " + response);
        }
        return response.json().get("apiKey").asString();
    }

    /** Starts an activity in {@code roomId} supervised by {@code supervisorIds}, as the admin; answers its id. */
    protected String startActivity(TestTenants.TestTenant tenant, String name, String roomId, String... supervisorIds) {
        Api.Response response = as(tenant, "admin")
                .post("/api/active/groups", new StartActivityRequest(name, roomId, null, List.of(supervisorIds)));
        if (response.status() != 201) {
            throw new AssertionError("starting an activity failed: " + response);
        }
        return response.json().get("id").asString();
    }

    /** A scanner posting one scan with a fresh Idempotency-Key. */
    protected Api.Response scan(String apiKey, String rfidTag) {
        return api().bearer(apiKey)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .post("/api/iot/scans", new ScanRequest(rfidTag, null, null));
    }

    /** Signs in as {@code username} of {@code tenant} (password {@link TestTenants#PASSWORD}). */
    protected TokenResponse login(TestTenants.TestTenant tenant, String username) {
        Api.Response response =
                api().post("/api/auth/login", new LoginRequest(tenant.slug(), username, TestTenants.PASSWORD));
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response);
        }
        return response.as(TokenResponse.class);
    }

    /**
     * Creates a staff account through the admin API (password {@link TestTenants#PASSWORD}) and answers its id; the
     * account's display name is its user name.
     */
    protected String createStaff(TestTenants.TestTenant tenant, String username, StaffRole role) {
        Api.Response response = as(tenant, "admin")
                .post(
                        "/api/admin/staff",
                        new StaffAccountRequest(username, username, role, TestTenants.PASSWORD, true));
        if (response.status() != 201) {
            throw new AssertionError("creating " + username + " failed: " + response);
        }
        return response.json().get("id").asString();
    }

    /** Changes a staff account's role (and nothing else) through the admin API. */
    protected Api.Response changeRole(TestTenants.TestTenant tenant, String staffId, String username, StaffRole role) {
        return as(tenant, "admin")
                .put("/api/admin/staff/" + staffId, new StaffAccountRequest(username, username, role, null, true));
    }

    /** An HTTP client signed in as {@code username} of {@code tenant}. */
    protected Api as(TestTenants.TestTenant tenant, String username) {
        return api().bearer(login(tenant, username).accessToken());
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(TestTenants.class)
    public static class TestClockConfiguration {

        /** Primary, so that it is the {@code Clock} every component gets. */
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
