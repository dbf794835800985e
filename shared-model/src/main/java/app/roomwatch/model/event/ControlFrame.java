package app.roomwatch.model.event;

/**
 * A frame of the stream that is not an event: it carries no {@code id} and is never replayed. The SSE
 * {@code retry:} field comes first on every stream and is not a JSON frame.
 */
public sealed interface ControlFrame permits Connected, Ping, Reset {

    /** The SSE {@code event:} name of the frame. */
    String name();
}
