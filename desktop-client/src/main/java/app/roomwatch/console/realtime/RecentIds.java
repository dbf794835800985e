package app.roomwatch.console.realtime;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The ids of the latest events delivered, to drop the duplicates that at-least-once delivery brings (a replay
 * overlapping a poll, a retried stream). Bounded: a duplicate older than the window is far behind any resume.
 * Confined to the client's actor.
 */
final class RecentIds {

    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time {@code id} is offered, false for a duplicate. */
    boolean firstTime(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }
}
