package app.roomwatch.model.event;

import static app.roomwatch.model.Fields.requiredList;
import static app.roomwatch.model.Fields.requiredText;

import java.util.List;

/**
 * The first frame after {@code retry}: the topics this stream carries and the cursor it starts after.
 *
 * @param cursor the cursor the stream continues from; replayed events, if any, follow
 */
public record Connected(List<String> topics, String cursor) implements ControlFrame {

    public static final String NAME = "connected";

    public Connected {
        topics = requiredList(topics, "topics");
        requiredText(cursor, "cursor");
    }

    @Override
    public String name() {
        return NAME;
    }
}
