package app.roomwatch.console.realtime;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StaffSummary;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in server speaking the stream's protocol on a real socket, for the client's protocol-level tests: the
 * test queues what {@code /api/sse/events} and {@code /api/events} answer and reads what the client asked.
 */
final class ScriptedServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final BlockingQueue<RecordedRequest> streamRequests = new LinkedBlockingQueue<>();
    final BlockingQueue<RecordedRequest> pollRequests = new LinkedBlockingQueue<>();
    final BlockingQueue<RecordedRequest> refreshRequests = new LinkedBlockingQueue<>();

    private final MockWebServer web = new MockWebServer();
    private final BlockingQueue<MockResponse> streams = new LinkedBlockingQueue<>();
    private final BlockingQueue<EventPage> pages = new LinkedBlockingQueue<>();
    private final List<SseFeed> feeds = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile boolean refuseRefresh;
    private volatile int failPolls;

    ScriptedServer() {
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return switch (request.getUrl().encodedPath()) {
                    case "/api/auth/login" -> tokens();
                    case "/api/auth/refresh" -> {
                        refreshRequests.add(request);
                        yield refuseRefresh ? problemAnswer(401, "The session has ended") : tokens();
                    }
                    case "/api/sse/events" -> {
                        streamRequests.add(request);
                        MockResponse answer = streams.poll(5, TimeUnit.SECONDS);
                        yield answer != null ? answer : status(503);
                    }
                    case "/api/events" -> {
                        pollRequests.add(request);
                        if (failPolls > 0) {
                            failPolls--;
                            yield status(503);
                        }
                        EventPage page = pages.poll();
                        String after = request.getUrl().queryParameter("after");
                        yield json(
                                page != null ? page : new EventPage(List.of(), after == null ? "0-0" : after, false));
                    }
                    default -> status(404);
                };
            }
        });
        try {
            web.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StaffSession login() throws IOException {
        var api = new ServerApi(web.url("/"), new OkHttpClient());
        return StaffSession.login(api, new LoginRequest("demo", "anna", "demo"));
    }

    /** The next stream request gets an open stream fed by the returned feed. */
    SseFeed openStream() {
        var feed = new SseFeed();
        feeds.add(feed);
        streams.add(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/event-stream")
                .addHeader("Cache-Control", "no-cache")
                .body(feed)
                // The body has no length, so its end is the connection's end, as for a real stream.
                .onResponseEnd(new SocketEffect.CloseSocket())
                .build());
        return feed;
    }

    /** The next stream request is answered with {@code code} and these headers. */
    void refuseStream(int code, Map<String, String> headers) {
        var answer = new MockResponse.Builder().code(code);
        if (code != 204) {
            answer.addHeader("Content-Type", "application/problem+json")
                    .body("{\"status\":" + code + ",\"detail\":\"Scripted refusal " + code + "\"}");
        }
        headers.forEach(answer::addHeader);
        streams.add(answer.build());
    }

    /** From now on refresh tokens are refused, as after a sign-out elsewhere or a disabled account. */
    void refuseRefresh() {
        refuseRefresh = true;
    }

    /** The next poll is answered with 503. */
    void failNextPoll() {
        failPolls++;
    }

    void answerPoll(EventPage page) {
        pages.add(page);
    }

    RecordedRequest nextStreamRequest() throws InterruptedException {
        return streamRequests.poll(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        feeds.forEach(SseFeed::abandon);
        web.close();
    }

    static EventEnvelope event(String id) {
        return new EventEnvelope(
                id,
                EventEnvelope.CURRENT_VERSION,
                Topic.activeGroup("42"),
                Instant.parse("2026-11-23T08:00:00Z"),
                new StudentCheckedIn("17", "Mia K.", "42", "3", VisitSource.RFID));
    }

    static String frame(EventEnvelope event) {
        return "id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + JSON.writeValueAsString(event) + "\n\n";
    }

    static String connected(String cursor) {
        return "retry: 1000\n\nevent: connected\ndata: {\"topics\":[\"tenant\"],\"cursor\":\"" + cursor + "\"}\n\n";
    }

    private MockResponse tokens() {
        int n = tokens.incrementAndGet();
        return json(new TokenResponse(
                "access-" + n,
                TokenResponse.BEARER,
                900,
                "refresh-" + n,
                new StaffSummary("5", "Anna", StaffRole.SUPERVISOR)));
    }

    private static MockResponse json(Object body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(body))
                .build();
    }

    private static MockResponse problemAnswer(int code, String detail) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/problem+json")
                .body("{\"status\":" + code + ",\"detail\":\"" + detail + "\"}")
                .build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("").build();
    }
}
