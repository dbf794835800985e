package app.roomwatch.server.testing;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.TokenResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
        properties = {"roomwatch.automation.enabled=false"})
@Import(ServerTest.TestClockConfiguration.class)
public abstract class ServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestTenants tenants;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** An HTTP client for this server. */
    protected Api api() {
        return new Api(port);
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
