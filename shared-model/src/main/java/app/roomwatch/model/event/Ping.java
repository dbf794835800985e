package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.required;

import java.time.Instant;

/** Sent every 30 s on an idle stream so that clients and proxies see it is alive. */
public record Ping(Instant serverTime) implements ControlFrame {

    public static final String NAME = "ping";

    public Ping {
        required(serverTime, "serverTime");
    }

    @Override
    public String name() {
        return NAME;
    }
}
