package app.roomwatch.console.realtime;

import app.roomwatch.model.event.Connected;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.Reset;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the stream's frames and the polls' pages become: events delivered once each, in order, the resume point
 * moved past them, reloads announced. Confined to the client's actor.
 */
final class EventIntake {

    private static final System.Logger LOG = System.getLogger(EventIntake.class.getName());
    static final String PAGE_RESET = "The server could not resume the event history";

    private final JsonMapper json;
    private final Listeners listeners;
    private final ResumePoint resume;
    private final Supplier<Instant> clock;
    private final RecentIds seen = new RecentIds(10_000);
    private Instant lastEventAt;

    EventIntake(JsonMapper json, Listeners listeners, ResumePoint resume, Supplier<Instant> clock) {
        this.json = json;
        this.listeners = listeners;
        this.resume = resume;
        this.clock = clock;
    }

    /** When the last new event arrived, or {@code null}. */
    Instant lastEventAt() {
        return lastEventAt;
    }

    /** Takes one SSE frame; true when it delivered a new event. */
    boolean frame(String id, String type, String data) {
        try {
            switch (type) {
                case Connected.NAME ->
                    resume.moveTo(json.readValue(data, Connected.class).cursor());
                case Ping.NAME -> {}
                case Reset.NAME ->
                    listeners.reload(json.readValue(data, Reset.class).reason());
                default -> {
                    return accept(json.readValue(data, EventEnvelope.class));
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // Never log the data: it may name a child. A newer server's unknown type lands here too.
            LOG.log(Level.WARNING, "Skipped an unreadable {0} frame with id {1}", type, id);
            if (id != null && !id.isBlank()) {
                resume.moveTo(id);
            }
        }
        return false;
    }

    /** Takes one page of {@code GET /api/events}; true when it delivered a new event. */
    boolean page(EventPage page) {
        if (page.reset()) {
            listeners.reload(PAGE_RESET);
        }
        boolean delivered = false;
        for (EventEnvelope event : page.events()) {
            delivered |= accept(event);
        }
        resume.moveTo(page.cursor());
        return delivered;
    }

    private boolean accept(EventEnvelope event) {
        if (!seen.firstTime(event.id())) {
            return false;
        }
        resume.moveTo(event.id());
        lastEventAt = clock.get();
        listeners.event(event);
        return true;
    }
}
