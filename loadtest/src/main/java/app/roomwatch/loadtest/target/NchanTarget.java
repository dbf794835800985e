package app.roomwatch.loadtest.target;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * nginx with the nchan module (bench/peers/nchan/nginx.conf): messages are POSTed to {@code /pub}, subscribers hold
 * {@code /sub} as an EventSource; both name the one channel every subscriber shares.
 */
public final class NchanTarget implements Target {

    private final URI base;
    private final HttpClient http;
    private final List<Long> pids;
    private final PeerMessages messages = new PeerMessages();

    public NchanTarget(URI base, HttpClient http, List<Long> pids) {
        this.base = base;
        this.http = http;
        this.pids = List.copyOf(pids);
    }

    @Override
    public String name() {
        return "nchan";
    }

    @Override
    public void prepare(int streams) {
        // nchan needs no accounts; the channel exists once someone subscribes or publishes
    }

    @Override
    public HttpRequest streamRequest(int index, String lastEventId) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve("/sub/bench")).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return builder.GET().build();
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
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/pub/bench"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(messages.next()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() / 100 == 2 ? 1 : 0)
                .exceptionally(e -> 0);
    }

    @Override
    public List<Long> pids() {
        return pids;
    }
}
