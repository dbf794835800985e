package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cursors, {@code connected} and {@code reset} tell a tenant nothing about another tenant's log. */
class CursorIsolationTests extends StreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anotherTenantsEventsMoveNoCursorOfMineAndItsCursorsLookUnknownToMe() {
        TestTenant mine = tenants.create();
        TestTenant theirs = tenants.create();
        String myToken = token(mine, "sup1");
        String theirToken = token(theirs, "sup1");
        events.append(mine.id(), Topic.TENANT, new RoomOccupancyChanged(mine.bigRoomId(), null, 1));
        String myHead = page(myToken, "").get("cursor").asString();

        for (int i = 1; i <= 3; i++) {
            events.append(theirs.id(), Topic.TENANT, new RoomOccupancyChanged(theirs.bigRoomId(), null, i));
        }
        JsonNode theirPage = page(theirToken, "0-0");
        String theirCursor = theirPage
                .get("events")
                .get(theirPage.get("events").size() - 1)
                .get("id")
                .asString();
        assertThat(page(theirToken, theirCursor).get("reset").asBoolean())
                .as("their own cursor resumes for them")
                .isFalse();

        // Where my log ends does not move when theirs grows, in the polling fallback and in the stream's connected.
        assertThat(page(myToken, "").get("cursor").asString()).isEqualTo(myHead);
        try (SseClient client = stream(myToken)) {
            client.next(WAIT); // retry
            SseClient.Frame connected = client.next(WAIT);
            assertThat(connected.event()).isEqualTo("connected");
            assertThat(connected.json().get("cursor").asString()).isEqualTo(myHead);
        }

        // Their cursor is answered for me exactly like one that names no event at all.
        JsonNode withTheirCursor = page(myToken, theirCursor);
        JsonNode withAnUnknownCursor = page(myToken, "1-999999999999");
        assertThat(withTheirCursor.get("reset").asBoolean()).isTrue();
        assertThat(withTheirCursor.toString()).isEqualTo(withAnUnknownCursor.toString());
        assertThat(withTheirCursor.get("cursor").asString()).isEqualTo(myHead);
        try (SseClient client = stream(myToken, theirCursor)) {
            client.next(WAIT); // retry
            SseClient.Frame connected = client.next(WAIT);
            assertThat(connected.json().get("cursor").asString()).isEqualTo(myHead);
            SseClient.Frame reset = client.next(WAIT);
            assertThat(reset.event()).isEqualTo("reset");
        }
    }

    private JsonNode page(String token, String after) {
        var answer = api().bearer(token).get("/api/events?limit=500" + (after.isEmpty() ? "" : "&after=" + after));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }
}
