package app.roomwatch.loadtest.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushpin (bench/peers/pushpin/): subscribers connect through Pushpin to a {@link GripOrigin} served by this tool,
 * which tells Pushpin to hold the response open on one channel; messages go to Pushpin's HTTP publish endpoint as
 * {@code http-stream} content, already framed as SSE.
 */
public final class PushpinTarget implements Target {

    private final URI proxy;
    private final URI publishEndpoint;
    private final HttpClient http;
    private final List<Long> pids;
    private final GripOrigin origin;
    private final PeerMessages messages = new PeerMessages();

    /**
     * @param proxy where Pushpin listens for subscribers
     * @param publishEndpoint Pushpin's {@code push_in_http} address, e.g. {@code http://127.0.0.1:15561/publish/}
     * @param originPort where this tool serves the origin Pushpin's routes file points at
     */
    public PushpinTarget(URI proxy, URI publishEndpoint, int originPort, HttpClient http, List<Long> pids)
            throws IOException {
        this.proxy = proxy;
        this.publishEndpoint = publishEndpoint;
        this.http = http;
        this.pids = List.copyOf(pids);
        this.origin = GripOrigin.start(originPort, "bench");
    }

    @Override
    public String name() {
        return "pushpin";
    }

    @Override
    public void prepare(int streams) {
        // nothing to create: the origin answers every subscriber the same way
    }

    @Override
    public HttpRequest streamRequest(int index, String lastEventId) {
        return HttpRequest.newBuilder(proxy.resolve("/stream"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
    }

    @Override
    public String readyEvent() {
        return null;
    }

    @Override
    public String deliveryEvent() {
        return "message";
    }

    @Override
    public CompletableFuture<Integer> publish() {
        HttpRequest request = HttpRequest.newBuilder(publishEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(publishBody("bench", messages.next())))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() / 100 == 2 ? 1 : 0)
                .exceptionally(e -> 0);
    }

    /** One item for Pushpin's publish API: the SSE frame every held stream on the channel gets appended. */
    static String publishBody(String channel, String data) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("channel", channel);
        item.putObject("formats").putObject("http-stream").put("content", "event: message\ndata: " + data + "\n\n");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("items").add(item);
        return Json.MAPPER.writeValueAsString(body);
    }

    @Override
    public List<Long> pids() {
        return pids;
    }

    @Override
    public void close() {
        origin.close();
    }
}
