package app.roomwatch.console.feed;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.ActivityEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedViewModelTests {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ActivityEntry> server = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final FeedViewModel model = new FeedViewModel(
            limit -> {
                fetches.incrementAndGet();
                return List.copyOf(server);
            },
            TaskExecutor.sameThread(),
            scheduler,
            Messages.of("en"));

    @Test
    void countsNewActivitiesWhileTheFeedIsNotLookedAtAndLookingClearsTheBadge() {
        happened("1", "Mia K. checked in to Painting");
        model.reload();
        assertThat(model.badgeTextProperty().get()).isEmpty();

        happened("2", "Ben L. checked in to Painting");
        happened("3", "Ida M. checked in to Painting");
        happened("4", "Ida M. checked out of Painting");
        for (int i = 0; i < 3; i++) {
            model.onActivity();
        }
        scheduler.advance(Coalescer.WINDOW);

        assertThat(fetches).hasValue(2);
        assertThat(model.badgeTextProperty().get()).isEqualTo("3 new activities");
        assertThat(model.entries().items().getFirst().text()).isEqualTo("Ida M. checked out of Painting");

        model.lookedAtProperty().set(true);
        assertThat(model.badgeTextProperty().get()).isEmpty();
    }

    @Test
    void nothingIsCountedWhileTheFeedIsOnScreen() {
        model.lookedAtProperty().set(true);
        model.reload();
        happened("1", "Mia K. checked in to Painting");
        model.onActivity();
        scheduler.advance(Coalescer.WINDOW);

        assertThat(model.unseenProperty().get()).isZero();
        assertThat(model.entries().items()).hasSize(1);
    }

    @Test
    void theBadgeSpeaksGerman() {
        assertThat(Messages.of("de").get("feed.badge", 1)).isEqualTo("1 neue Aktivität");
        assertThat(Messages.of("de").get("feed.badge", 3)).isEqualTo("3 neue Aktivitäten");
    }

    private void happened(String id, String text) {
        server.addFirst(new ActivityEntry(id, "student_checkin", Instant.EPOCH.plusSeconds(Long.parseLong(id)), text));
    }
}
