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
    void countsNewEventsWhileTheFeedIsNotLookedAtAndLookingClearsTheBadge() {
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
        assertThat(model.badgeTextProperty().get()).isEqualTo("3 new events");
        assertThat(model.entries().items().getFirst().entry().text()).isEqualTo("Ida M. checked out of Painting");

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
        assertThat(Messages.of("de").get("feed.badge", 1)).isEqualTo("1 neues Ereignis");
        assertThat(Messages.of("de").get("feed.badge", 3)).isEqualTo("3 neue Ereignisse");
    }

    @Test
    void identicalSystemLinesInARowShowOnceWithTheirCountButChildrenNever() {
        happened("1", "student_checkin", "Mia K. checked in to Painting (Gym)");
        for (int i = 2; i <= 5; i++) {
            happened(Integer.toString(i), "device_status", "Scanner Door in Gym is revoked");
        }
        happened("6", "student_checkout", "Mia K. checked out of Painting (Gym)");
        happened("7", "student_checkout", "Mia K. checked out of Painting (Gym)");

        model.reload();

        assertThat(model.entries().items())
                .extracting(line -> line.entry().text() + " x" + line.times())
                .containsExactly(
                        "Mia K. checked out of Painting (Gym) x1",
                        "Mia K. checked out of Painting (Gym) x1",
                        "Scanner Door in Gym is revoked x4",
                        "Mia K. checked in to Painting (Gym) x1");
        assertThat(model.entries().items().get(2).id()).isEqualTo("5");
        assertThat(Messages.of("en").get("feed.times", 4)).isEqualTo("\u00d74");
    }

    @Test
    void narrowsToOneKindAndBackToAll() {
        happened("1", "student_checkin", "Mia K. checked in to Painting (Gym)");
        happened("2", "notification_new", "Notification: Bus 12 delayed");
        happened("3", "activity_start", "Chess started in Library");
        happened("4", "device_status", "Scanner Door in Gym is silent");
        model.reload();

        model.kindProperty().set(FeedKind.NOTIFICATIONS);
        assertThat(model.entries().items())
                .extracting(line -> line.entry().text())
                .containsExactly("Notification: Bus 12 delayed");
        model.kindProperty().set(FeedKind.CHILDREN);
        assertThat(model.entries().items()).extracting(FeedLine::kind).containsOnly(FeedKind.CHILDREN);
        model.kindProperty().set(null);
        assertThat(model.entries().items()).hasSize(4);
    }

    private void happened(String id, String text) {
        happened(id, "student_checkin", text);
    }

    private void happened(String id, String type, String text) {
        server.addFirst(new ActivityEntry(id, type, Instant.EPOCH.plusSeconds(Long.parseLong(id)), text));
    }
}
