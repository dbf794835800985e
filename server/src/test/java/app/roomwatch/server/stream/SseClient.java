package app.roomwatch.server.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Server-Sent Events client over {@code java.net.http}: reads the stream line by line on a virtual thread and
 * hands out complete frames, the way a browser's EventSource would parse them.
 */
final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Frame END = new Frame(null, "(end)", null, null);

    /** One frame; {@code event} is "message" when the frame named none. */
    record Frame(String id, String event, String data, String retry) {

        JsonNode json() {
            return JSON.readTree(data);
        }

        boolean isEnd() {
            return this == END;
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final String body;

    private SseClient(HttpResponse<Stream<String>> response, String body) {
        this.response = response;
        this.body = body;
    }

    /** Connects; a refused connection (status other than 200) is returned too, with its body. */
    static SseClient connect(int port, String pathAndQuery, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                return new SseClient(response, body);
            }
            var client = new SseClient(response, null);
            Thread.ofVirtual().name("sse-test-client").start(client::read);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SseClient connect(int port, String token) {
        return connect(port, "/api/sse/events", Map.of("Authorization", "Bearer " + token));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused connection. */
    String body() {
        return body;
    }

    /** The next frame, failing when none comes within {@code timeout}. */
    Frame next(Duration timeout) {
        try {
            Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, or null when none comes within {@code timeout}. */
    Frame poll(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Frame next() {
        return next(Duration.ofSeconds(10));
    }

    /** Skips frames until one matches; fails at the end of the stream or after {@code timeout}. */
    Frame until(Predicate<Frame> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame.isEnd()) {
                throw new AssertionError("the stream ended before the frame looked for");
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** The next {@code count} event frames (frames with an id), skipping control frames. */
    List<Frame> events(int count, Duration timeout) {
        var events = new ArrayList<Frame>();
        while (events.size() < count) {
            events.add(until(frame -> frame.id() != null, timeout));
        }
        return events;
    }

    /** Waits until the server ends the stream, failing if an event frame comes first. */
    void awaitEnd(Duration timeout) {
        while (true) {
            Frame frame = next(timeout);
            if (frame.isEnd()) {
                return;
            }
            if (frame.id() != null) {
                throw new AssertionError("expected the stream to end, got event " + frame);
            }
        }
    }

    /** Frames received so far and not yet taken. */
    List<Frame> drain() {
        var drained = new ArrayList<Frame>();
        frames.drainTo(drained);
        return drained;
    }

    private void read() {
        String id = null;
        String event = null;
        String retry = null;
        var data = new StringBuilder();
        boolean any = false;
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (any) {
                        frames.add(new Frame(id, event == null ? "message" : event, data.toString(), retry));
                    }
                    id = null;
                    event = null;
                    retry = null;
                    data.setLength(0);
                    any = false;
                    continue;
                }
                any = true;
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "retry" -> retry = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> {}
                }
            }
        } catch (RuntimeException e) {
            // The connection broke: the stream has ended, as for the client of a real console.
        } finally {
            frames.add(END);
        }
    }

    @Override
    public void close() {
        if (body == null) {
            response.body().close();
        }
    }
}
