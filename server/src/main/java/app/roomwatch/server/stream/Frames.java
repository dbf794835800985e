package app.roomwatch.server.stream;

import app.roomwatch.model.event.ControlFrame;
import app.roomwatch.model.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Server-Sent Events frames. Event frames carry {@code id:} (the cursor), {@code event:} (the type) and
 * {@code data:} (the envelope as one line of JSON); control frames carry no {@code id}, so a client's
 * {@code Last-Event-ID} only ever names an event.
 */
@Component
class Frames {

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    byte[] event(EventEnvelope envelope) {
        return ("id: " + envelope.id() + "\nevent: " + envelope.type() + "\ndata: " + json.writeValueAsString(envelope)
                        + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] control(ControlFrame frame) {
        return ("event: " + frame.name() + "\ndata: " + json.writeValueAsString(frame) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] retry(Duration retry) {
        return ("retry: " + retry.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Frames as one write. A lone frame (the usual case: one event, handed to thousands of connections) is the event's
     * own shared array, returned as it is; writers only read it.
     */
    static byte[] joined(List<byte[]> frames) {
        if (frames.size() == 1) {
            return frames.getFirst();
        }
        int length = 0;
        for (byte[] frame : frames) {
            length += frame.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, joined, at, frame.length);
            at += frame.length;
        }
        return joined;
    }
}
