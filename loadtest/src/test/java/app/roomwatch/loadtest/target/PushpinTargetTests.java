package app.roomwatch.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PushpinTargetTests {

    @Test
    void theOriginAsksPushpinToHoldTheStreamOnTheChannel() throws Exception {
        try (var origin = GripOrigin.start(0, "bench");
                var client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + origin.port() + "/stream"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Grip-Hold")).hasValue("stream");
            assertThat(response.headers().firstValue("Grip-Channel")).hasValue("bench");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        }
    }

    @Test
    void publishesOneSseFrameAsHttpStreamContent() {
        JsonNode body = Json.MAPPER.readTree(PushpinTarget.publishBody("bench", "{\"emittedAt\":\"x\"}"));

        JsonNode item = body.get("items").get(0);
        assertThat(item.get("channel").asString()).isEqualTo("bench");
        assertThat(item.get("formats").get("http-stream").get("content").asString())
                .isEqualTo("event: message\ndata: {\"emittedAt\":\"x\"}\n\n");
    }

    @Test
    void peerMessagesCarryEmittedAtLikeRoomwatchEnvelopes() {
        String message = new PeerMessages().next();

        assertThat(app.roomwatch.loadtest.measure.EmittedAt.micros(message)).isPositive();
        assertThat(Json.MAPPER.readTree(message).get("type").asString()).isEqualTo("room_occupancy");
    }
}
