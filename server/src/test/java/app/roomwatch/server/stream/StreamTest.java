package app.roomwatch.server.stream;

import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Stream tests against the shared server: real HTTP, real SSE, the shared embedded PostgreSQL. */
abstract class StreamTest extends ServerTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventLog eventLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    TestEvents events;

    @BeforeEach
    void testEvents() {
        events = new TestEvents(transactions, eventLog, jdbc, clock);
    }

    String token(TestTenant tenant, String username) {
        return login(tenant, username).accessToken();
    }

    SseClient stream(String token) {
        return SseClient.connect(port, token);
    }

    SseClient stream(String token, String lastEventId) {
        return SseClient.connect(
                port, "/api/sse/events", Map.of("Authorization", "Bearer " + token, "Last-Event-ID", lastEventId));
    }

    /** Opens a stream and reads its opening frames ({@code retry}, {@code connected}), returning it ready for events. */
    SseClient live(String token) {
        SseClient client = stream(token);
        if (client.status() != 200) {
            throw new AssertionError("stream refused: " + client.status() + " " + client.body());
        }
        client.next(); // retry
        client.next(); // connected
        return client;
    }
}
