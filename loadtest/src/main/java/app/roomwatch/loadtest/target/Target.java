package app.roomwatch.loadtest.target;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A server the fan-out is measured against: Roomwatch itself, nginx + nchan or Pushpin. Each one publishes through
 * its own public HTTP interface and is subscribed to the way a browser's EventSource would.
 */
public interface Target extends AutoCloseable {

    /** Short name for reports: {@code roomwatch}, {@code nchan}, {@code pushpin}. */
    String name();

    /** Gets ready for this many subscriber streams (accounts and tokens where the server needs them). */
    void prepare(int streams) throws Exception;

    /** The request of subscriber {@code index}, resuming after {@code lastEventId} when it is not {@code null}. */
    HttpRequest streamRequest(int index, String lastEventId);

    /** The frame that says a stream is live, or {@code null} when the 200 answer says so. */
    String readyEvent();

    /** The frame type that counts as one delivery of a published message. */
    String deliveryEvent();

    /**
     * Publishes one message to every subscriber. Completes with how many delivery frames each subscriber should get
     * from it (Roomwatch: a scan that moves a child changes two rooms' occupancy), or 0 when it was refused.
     */
    CompletableFuture<Integer> publish();

    /** The server's processes, for CPU and memory; empty when unknown. */
    List<Long> pids();

    /** The server's heap in bytes where it reports one, else -1. */
    default LongSupplier heapBytes() {
        return () -> -1;
    }

    @Override
    default void close() {}
}
