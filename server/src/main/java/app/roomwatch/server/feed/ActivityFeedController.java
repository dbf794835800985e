package app.roomwatch.server.feed;

import app.roomwatch.model.api.ActivityEntry;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/activity}: the activity feed, newest first, paged back with {@code before}. */
@RestController
class ActivityFeedController {

    private final ActivityFeed feed;

    ActivityFeedController(ActivityFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/activity")
    List<ActivityEntry> activity(
            Authentication authentication,
            @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit,
            Locale locale) {
        if (limit < 1 || limit > 200) {
            throw ApiException.badRequest("'limit' must be between 1 and 200");
        }
        return feed.page(StaffPrincipal.of(authentication), FeedCursor.parse(before), limit, locale);
    }
}
