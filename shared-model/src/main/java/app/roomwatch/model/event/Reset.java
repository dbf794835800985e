package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredText;

/**
 * The client's cursor can not be resumed (older than the retention window, or unknown): it must reload what it
 * shows from the REST endpoints and continue from the cursor of the {@code connected} frame.
 */
public record Reset(String reason) implements ControlFrame {

    public static final String NAME = "reset";

    public Reset {
        requiredText(reason, "reason");
    }

    @Override
    public String name() {
        return NAME;
    }
}
