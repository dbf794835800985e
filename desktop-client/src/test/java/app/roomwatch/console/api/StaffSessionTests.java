package app.roomwatch.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StaffSummary;
import app.roomwatch.model.api.TokenResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in, renewal and error reporting over real HTTP against a scripted server. */
class StaffSessionTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final MockWebServer web = new MockWebServer();
    final AtomicInteger issued = new AtomicInteger();
    final List<RecordedRequest> refreshes = new CopyOnWriteArrayList<>();
    final BlockingQueue<MockResponse> meAnswers = new LinkedBlockingQueue<>();
    final List<String> meTokens = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> puts = new CopyOnWriteArrayList<>();
    ServerApi api;

    @BeforeEach
    void start() throws Exception {
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/api/auth/login" ->
                        request.getBody().utf8().contains("\"wrong\"")
                                ? problem(401, "Wrong user name or password")
                                : tokens();
                    case "/api/auth/refresh" -> {
                        refreshes.add(request);
                        yield tokens();
                    }
                    case "/api/me" -> {
                        meTokens.add(request.getHeaders().get("Authorization"));
                        MockResponse answer = meAnswers.poll();
                        yield answer != null ? answer : problem(500, "unscripted");
                    }
                    case "/api/active/groups/4/supervisors" -> {
                        puts.add(request);
                        yield new MockResponse.Builder().code(204).build();
                    }
                    default -> problem(404, "No such path");
                };
            }
        });
        web.start();
        api = new ServerApi(web.url("/"), new OkHttpClient());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aCallRefusedWithAnExpiredTokenIsRenewedAndSentOnceMore() throws Exception {
        var session = StaffSession.login(api, new LoginRequest("demo", "anna", "demo"));
        meAnswers.add(problem(401, "Token expired"));
        meAnswers.add(json("{\"ok\":true}"));

        var answer = session.get("/api/me", Ok.class);

        assertThat(answer).isEqualTo(new Ok(true));
        assertThat(meTokens).containsExactly("Bearer access-1", "Bearer access-2");
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.getFirst().getBody().utf8()).contains("refresh-1");
    }

    @Test
    void callersThatFindTheSameTokenRejectedShareOneRenewal() throws Exception {
        var session = StaffSession.login(api, new LoginRequest("demo", "anna", "demo"));

        var renewals = List.of(
                CompletableFuture.supplyAsync(() -> renew(session, "access-1")),
                CompletableFuture.supplyAsync(() -> renew(session, "access-1")),
                CompletableFuture.supplyAsync(() -> renew(session, "access-1")));

        assertThat(renewals.stream().map(CompletableFuture::join)).containsOnly("access-2");
        assertThat(refreshes).hasSize(1);
        assertThat(session.accessToken()).isEqualTo("access-2");
    }

    @Test
    void theServersProblemDetailReachesTheCaller() throws Exception {
        assertThatThrownBy(() -> StaffSession.login(api, new LoginRequest("demo", "anna", "wrong")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isUnauthorized()).isTrue();
                    assertThat(e.detail()).isEqualTo("Wrong user name or password");
                });
        var session = StaffSession.login(api, new LoginRequest("demo", "anna", "demo"));
        meAnswers.add(problem(409, "There is no running activity in Atelier"));

        assertThatThrownBy(() -> session.get("/api/me", Ok.class)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.detail()).isEqualTo("There is no running activity in Atelier");
        });
    }

    @Test
    void putsJsonWithTheToken() throws Exception {
        var session = StaffSession.login(api, new LoginRequest("demo", "anna", "demo"));

        session.put("/api/active/groups/4/supervisors", new Ok(true));

        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.getMethod()).isEqualTo("PUT");
            assertThat(put.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
            assertThat(put.getBody().utf8()).isEqualTo("{\"ok\":true}");
        });
    }

    record Ok(boolean ok) {}

    private static String renew(StaffSession session, String rejected) {
        try {
            return session.renewAccessToken(rejected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse tokens() {
        int n = issued.incrementAndGet();
        return json(JSON.writeValueAsString(new TokenResponse(
                "access-" + n,
                TokenResponse.BEARER,
                900,
                "refresh-" + n,
                new StaffSummary("5", "Anna", StaffRole.SUPERVISOR))));
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static MockResponse problem(int status, String detail) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/problem+json")
                .body("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .build();
    }
}
