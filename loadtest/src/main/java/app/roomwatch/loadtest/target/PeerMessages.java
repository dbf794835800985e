package app.roomwatch.loadtest.target;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message the tool publishes to the peers: about the size of a Roomwatch {@code room_occupancy} envelope, with
 * the same {@code emittedAt} field, stamped when it is handed to the peer's publish endpoint.
 */
final class PeerMessages {

    private final AtomicLong sequence = new AtomicLong();

    String next() {
        long n = sequence.incrementAndGet();
        return "{\"id\":\"" + n + "\",\"type\":\"room_occupancy\",\"version\":1,\"topic\":\"tenant\",\"emittedAt\":\""
                + Instant.now() + "\",\"data\":{\"roomId\":\"1\",\"activeGroupId\":\"1\",\"occupancy\":" + (n % 40)
                + "}}";
    }
}
