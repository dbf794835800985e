package app.roomwatch.console.feed;

import app.roomwatch.model.api.ActivityEntry;
import java.util.List;

/** {@code GET /api/activity?limit=}: the newest readable lines of what happened, newest first. Blocking. */
@FunctionalInterface
public interface FeedSource {

    List<ActivityEntry> activity(int limit) throws Exception;
}
