package app.roomwatch.console.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.QueuedExecutor;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.sound.Sound;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.console.toast.ToastViewModel;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTests {

    private final FakeServer server = new FakeServer();
    private final QueuedExecutor background = new QueuedExecutor();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ToastViewModel toasts = new ToastViewModel(scheduler);
    private final List<Sound> played = new ArrayList<>();
    private boolean soundsOn = true;
    private final NotificationsViewModel model = new NotificationsViewModel(
            server,
            TaskExecutor.of(background, Runnable::run),
            scheduler,
            new ToastAndSound(toasts, played::add, () -> soundsOn, Messages.of("en")),
            Messages.of("en"));

    @Test
    void groupsNotificationsWithTheSameKeyIntoOneRow() {
        server.add("1", "scheduled-checkout:active-group:1", "Mia K. checked out by schedule");
        server.add("2", "scheduled-checkout:active-group:1", "Ben L. checked out by schedule");
        server.add("3", "scheduled-checkout:active-group:1", "Ida M. checked out by schedule");
        server.add("4", "announcement:7", "Lunch is late");

        load();

        assertThat(model.groups()).hasSize(2);
        assertThat(model.headline(model.groups().get(0))).isEqualTo("Lunch is late");
        assertThat(model.headline(model.groups().get(1))).isEqualTo("3 children checked out by schedule");
        assertThat(model.unreadCountProperty().get()).isEqualTo(4);
    }

    @Test
    void groupsWithoutAKnownSummaryNameTheNewestAndCountTheOthers() {
        server.add("1", "room:3", "Room 3 is noisy");
        server.add("2", "room:3", "Room 3 is very noisy");

        load();

        assertThat(model.headline(model.groups().getFirst())).isEqualTo("Room 3 is very noisy (+1 similar)");
        assertThat(Messages.of("de").get("notifications.group.scheduled-checkout", 3))
                .isEqualTo("3 Kinder nach Zeitplan ausgecheckt");
    }

    @Test
    void markReadShowsAtOnceBeforeTheServerAnswers() {
        server.add("1", "k", "Hello");
        load();

        model.markRead(model.groups().getFirst());

        assertThat(model.unreadCountProperty().get()).isZero();
        assertThat(model.groups().getFirst().isUnread()).isFalse();
        background.runAll();
        assertThat(server.readIds).containsExactly("1");
        assertThat(model.unreadCountProperty().get()).isZero();
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void markReadIsTakenBackWithAMessageWhenTheServerRefuses() {
        server.add("1", "k", "Hello");
        load();
        server.refuse = 404;

        model.markRead(model.groups().getFirst());
        assertThat(model.unreadCountProperty().get()).isZero();
        background.runAll();

        assertThat(model.unreadCountProperty().get()).isEqualTo(1);
        assertThat(model.groups().getFirst().isUnread()).isTrue();
        assertThat(model.messageProperty().get())
                .isEqualTo("It could not be marked as read, so it is unread again. It is no longer on the server,"
                        + " perhaps removed a moment ago. Look at the current list and try again.");
    }

    @Test
    void aRefetchThatRacesAPendingMarkReadDoesNotShowItUnreadAgain() {
        server.add("1", "k", "Hello");
        load();

        model.reload();
        model.markRead(model.groups().getFirst());
        background.runOne(); // the refetch answers first: the server has not seen the mark-read yet

        assertThat(model.unreadCountProperty().get()).isZero();
        background.runAll();
        assertThat(model.unreadCountProperty().get()).isZero();
        assertThat(server.readIds).containsExactly("1");
    }

    @Test
    void aNotificationReadOnAnotherConsoleIsReadHereToo() {
        server.add("1", "k", "Hello");
        server.add("2", "j", "World");
        load();

        model.onRead(List.of("2"));

        assertThat(model.unreadCountProperty().get()).isEqualTo(1);
        assertThat(model.groups()).filteredOn(g -> g.groupKey().equals("j")).allMatch(g -> !g.isUnread());
        assertThat(server.readIds).isEmpty();
    }

    @Test
    void aBurstOfNewNotificationsRefetchesOnce() {
        load();
        int before = server.fetches.get();
        for (int i = 0; i < 50; i++) {
            server.add("n" + i, "k", "Info " + i);
            model.onCreated(new NotificationCreated("n" + i, NotificationPriority.INFO, "Info " + i, "", "k"));
        }

        scheduler.advance(Coalescer.WINDOW);
        background.runAll();

        assertThat(server.fetches.get() - before).isEqualTo(1);
        assertThat(model.unreadCountProperty().get()).isEqualTo(50);
        assertThat(played).hasSize(50).containsOnly(Sound.INFO);
        assertThat(toasts.shown()).isEmpty();
    }

    @Test
    void anUrgentNotificationRaisesAToastThatHidesAfterFiveSecondsAndItsOwnSound() {
        model.onCreated(
                new NotificationCreated("9", NotificationPriority.URGENT, "Room 2 over capacity", "31 / 30", "k"));

        assertThat(toasts.shown())
                .singleElement()
                .satisfies(t -> assertThat(t.title()).isEqualTo("Room 2 over capacity"));
        assertThat(played).containsExactly(Sound.URGENT);
        scheduler.advance(Duration.ofMillis(4999));
        assertThat(toasts.shown()).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(toasts.shown()).isEmpty();
    }

    @Test
    void soundsStayQuietWhenTheSettingIsOffAndANotificationIsAnnouncedOnce() {
        soundsOn = false;
        var urgent = new NotificationCreated("9", NotificationPriority.URGENT, "Fire drill", "", "k");

        model.onCreated(urgent);
        model.onCreated(urgent);

        assertThat(played).isEmpty();
        assertThat(toasts.shown()).hasSize(1);
    }

    @Test
    void urgentNotificationsAreNeverGroupedAndStayInTheStripUntilReadOnAnyConsole() {
        server.add("1", "announcement:tenant", "Bus 12 delayed 20 minutes");
        server.addUrgent("2", "announcement:tenant", "Mia R. (4a) reported missing", "Last seen in Gym", "Ada Admin");
        server.addUrgent("3", "announcement:tenant", "Fire drill at 15:00", "", null);
        server.add("4", "announcement:tenant", "Lunch is late");

        load();

        assertThat(model.groups()).hasSize(3);
        assertThat(model.groups()).filteredOn(NotificationGroup::isUrgentRow).allMatch(g -> g.size() == 1);
        assertThat(model.groups())
                .filteredOn(g -> !g.isUrgentRow())
                .singleElement()
                .satisfies(g -> assertThat(model.headline(g)).isEqualTo("2 announcements"));
        assertThat(model.urgentUnread()).extracting(NotificationView::id).containsExactly("3", "2");
        assertThat(model.sender(model.urgentUnread().get(1))).isEqualTo("From Ada Admin");
        assertThat(model.sender(model.urgentUnread().get(0))).isEqualTo("From Roomwatch");

        model.onRead(List.of("2"));
        assertThat(model.urgentUnread()).extracting(NotificationView::id).containsExactly("3");
        model.markRead(model.urgentUnread().getFirst());
        assertThat(model.urgentUnread()).isEmpty();
    }

    @Test
    void aGroupOpensToItsItemsAndStaysOpenAcrossARefetch() {
        server.add("1", "scheduled-checkout:active-group:1", "Mia K. checked out by schedule");
        server.add("2", "scheduled-checkout:active-group:1", "Ben L. checked out by schedule");
        load();

        model.open(model.groups().getFirst());
        server.add("3", "scheduled-checkout:active-group:1", "Ida M. checked out by schedule");
        load();

        assertThat(model.openedProperty().get().members())
                .extracting(NotificationView::title)
                .containsExactly(
                        "Ida M. checked out by schedule",
                        "Mia K. checked out by schedule".replace("Mia K.", "Ben L."),
                        "Mia K. checked out by schedule");
    }

    @Test
    void clickingAToastOpensItsNotificationOnceItHasBeenFetched() {
        load();
        server.addUrgent("9", "announcement:tenant", "Mia R. reported missing", "Gym", "Ada Admin");
        model.onCreated(new NotificationCreated(
                "9",
                NotificationPriority.URGENT,
                "Mia R. reported missing",
                "Gym",
                "announcement:tenant",
                "Ada Admin"));
        assertThat(toasts.shown())
                .singleElement()
                .satisfies(t -> assertThat(t.byline()).isEqualTo("From Ada Admin"));

        model.openNotification("9");
        assertThat(model.openedProperty().get()).isNull();
        scheduler.advance(Coalescer.WINDOW);
        background.runAll();

        assertThat(model.openedProperty().get().latest().id()).isEqualTo("9");
    }

    private void load() {
        model.reload();
        background.runAll();
    }

    /** The server's notifications of one staff member, in memory. */
    private static final class FakeServer implements NotificationsApi {
        final List<NotificationView> all = new ArrayList<>();
        final Set<String> readIds = ConcurrentHashMap.newKeySet();
        final AtomicInteger fetches = new AtomicInteger();
        Integer refuse;
        private int clock;

        void add(String id, String groupKey, String title) {
            all.addFirst(new NotificationView(
                    id, NotificationPriority.INFO, title, "", groupKey, Instant.EPOCH.plusSeconds(clock++), false));
        }

        void addUrgent(String id, String groupKey, String title, String body, String sender) {
            all.addFirst(new NotificationView(
                    id,
                    NotificationPriority.URGENT,
                    title,
                    body,
                    groupKey,
                    Instant.EPOCH.plusSeconds(clock++),
                    false,
                    sender));
        }

        @Override
        public List<NotificationView> notifications(int limit) {
            fetches.incrementAndGet();
            return all.stream()
                    .map(n -> readIds.contains(n.id()) ? n.asRead() : n)
                    .toList();
        }

        @Override
        public void markRead(String id) throws ApiException {
            if (refuse != null) {
                throw new ApiException(refuse, "There is no notification " + id + " of yours");
            }
            readIds.add(id);
        }
    }
}
