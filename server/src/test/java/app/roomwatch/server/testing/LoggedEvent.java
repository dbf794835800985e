package app.roomwatch.server.testing;

import tools.jackson.databind.JsonNode;

/** One row of the event log as a test reads it back. */
public record LoggedEvent(String topic, String type, JsonNode data) {

    public String field(String name) {
        return data.path(name).asString();
    }
}
