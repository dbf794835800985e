package app.roomwatch.loadtest.sse;

import java.util.function.Consumer;

/**
 * Turns the lines of an event stream into frames, following the EventSource rules that matter for a load test:
 * fields {@code id}, {@code event}, {@code data} (several joined by newlines), comments and {@code retry} ignored,
 * a blank line ends a frame, a frame without data is dropped. Not thread-safe: one per connection.
 */
public final class SseParser {

    private final Consumer<SseFrame> frames;
    private String id;
    private String event;
    private StringBuilder data;

    public SseParser(Consumer<SseFrame> frames) {
        this.frames = frames;
    }

    /** Feeds one line, without its line terminator. */
    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : valueAfter(line, colon);
        switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value.length());
                } else {
                    data.append('\n');
                }
                data.append(value);
            }
            default -> {
                // retry and unknown fields change nothing a load test measures
            }
        }
    }

    private static String valueAfter(String line, int colon) {
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.substring(start);
    }

    private void dispatch() {
        if (data != null) {
            frames.accept(new SseFrame(id, event == null ? "message" : event, data.toString()));
        }
        id = null;
        event = null;
        data = null;
    }
}
