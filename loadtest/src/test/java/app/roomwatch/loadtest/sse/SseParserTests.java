package app.roomwatch.loadtest.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTests {

    private final List<SseFrame> frames = new ArrayList<>();
    private final SseParser parser = new SseParser(frames::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void readsRoomwatchEventFrames() {
        feed("id: 12-40", "event: room_occupancy", "data: {\"a\":1}", "");

        assertThat(frames).containsExactly(new SseFrame("12-40", "room_occupancy", "{\"a\":1}"));
    }

    @Test
    void controlFramesHaveNoIdAndRetryAndCommentsAreSkipped() {
        feed("retry: 2000", "", ":ok", "", "event: connected", "data: {}", "");

        assertThat(frames).containsExactly(new SseFrame(null, "connected", "{}"));
    }

    @Test
    void joinsDataLinesAndNamesUnnamedFramesMessage() {
        feed("data: one", "data:two", "");

        assertThat(frames).containsExactly(new SseFrame(null, "message", "one\ntwo"));
    }

    @Test
    void fieldsDoNotLeakIntoTheNextFrame() {
        feed("id: 1", "event: a", "data: x", "", "data: y", "");

        assertThat(frames).extracting(SseFrame::id).containsExactly("1", null);
        assertThat(frames).extracting(SseFrame::event).containsExactly("a", "message");
    }
}
