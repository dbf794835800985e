package app.roomwatch.server.event;

import tools.jackson.databind.JsonNode;

/**
 * What this instance hears on PostgreSQL's control channel ({@code roomwatch_control}), published as application
 * events by the stream's listening connection. A part of the server that keeps something in memory which another
 * instance may change (a cache) listens to both: a {@link Notice} names what changed, and while {@link Hearing} is
 * false notices may be missed, so nothing kept may be trusted.
 */
public final class ControlChannel {

    private ControlChannel() {}

    /** A control message another instance (or this one) sent, as its JSON object with a {@code type}. */
    public record Notice(JsonNode message) {

        public String type() {
            return message.path("type").asString("");
        }
    }

    /** Whether this instance listens on the control channel now; published on every change. */
    public record Hearing(boolean listening) {}
}
