package app.roomwatch.console.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.feed.FeedViewModel;
import app.roomwatch.console.groups.GroupsApi;
import app.roomwatch.console.groups.GroupsViewModel;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.notifications.NotificationsApi;
import app.roomwatch.console.notifications.NotificationsViewModel;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.rooms.RoomsViewModel;
import app.roomwatch.console.roster.RosterSource;
import app.roomwatch.console.roster.RosterViewModel;
import app.roomwatch.console.status.ConnectionSnapshot;
import app.roomwatch.console.status.ConnectionSnapshot.Cause;
import app.roomwatch.console.status.StatusViewModel;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.console.toast.ToastViewModel;
import app.roomwatch.console.whereis.WhereIsViewModel;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPayload;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import app.roomwatch.model.event.VisitSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which event makes which view refetch, and that a burst makes one refetch per view and group, not one per event. */
class MainViewModelTests {

    private static final Person ANNA = new Person("s1", "Anna Schmidt");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final Messages messages = Messages.of("en");
    private final TaskExecutor tasks = TaskExecutor.sameThread();
    private final MainViewModel model = new MainViewModel(
            ANNA.displayName(),
            new RoomsViewModel(() -> fetched("rooms", List.of()), tasks, scheduler, messages),
            new GroupsViewModel(new Groups(), tasks, scheduler, messages, () -> ANNA),
            new WhereIsViewModel(query -> fetched("where", List.of()), tasks, scheduler, messages),
            new RosterViewModel(new Roster(), tasks, scheduler, messages),
            new FeedViewModel(limit -> fetched("feed", List.of()), TaskExecutor.sameThread(), scheduler, messages),
            new NotificationsViewModel(new Notifications(), tasks, scheduler, created -> {}, messages),
            new ToastViewModel(scheduler),
            new StatusViewModel(messages, ZoneId.of("Europe/Berlin"), () -> null));

    private int serial;

    @BeforeEach
    void signedIn() {
        model.reloadAll();
        fetches.clear();
    }

    @Test
    void aBurstOfScansRefetchesTheGroupTheRoomsWhereIsAndTheFeedOnceEach() {
        for (int i = 0; i < 250; i++) {
            EventPayload visit = i % 2 == 0
                    ? new StudentCheckedIn("st" + i, "Child " + i, "g1", "r1", VisitSource.RFID)
                    : new StudentCheckedOut("st" + i, "Child " + i, "g1", "r1", VisitSource.RFID);
            model.onEvent(event(visit));
            model.onEvent(event(new RoomOccupancyChanged("r1", "g1", i % 20)));
        }
        assertThat(fetches).isEmpty();

        scheduler.advance(Coalescer.WINDOW);

        assertThat(counts())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("visits:g1", 1, "rooms", 1, "where", 1, "roster:c12", 1, "feed", 1));
    }

    @Test
    void aStartedActivityRefetchesWhichGroupsAreMineTheRoomsAndTheFeed() {
        model.onEvent(event(new ActivityStarted("g2", "Chess", "r2", "Room 2", List.of(ANNA.id()))));
        scheduler.advance(Coalescer.WINDOW);

        assertThat(counts())
                .containsExactlyInAnyOrderEntriesOf(Map.of("groups", 1, "visits:g1", 1, "rooms", 1, "feed", 1));
    }

    @Test
    void aCheckInToAGroupNotYetKnownAsksTheGroupListNotAGuessedGroup() {
        model.onEvent(event(new StudentCheckedIn("st1", "Mia K.", "g9", "r9", VisitSource.MANUAL)));
        scheduler.advance(Coalescer.WINDOW);

        assertThat(counts()).containsEntry("groups", 1).doesNotContainKey("visits:g9");
    }

    @Test
    void afterABreakTheConsoleSaysHowOldItsPictureIsAndFetchesEverythingAgainWhenLive() {
        java.time.Instant lastUpdate = java.time.Instant.parse("2026-11-30T13:03:12Z");
        model.onConnection(new ConnectionSnapshot(ConnectionSnapshot.Light.LIVE, Cause.LIVE, lastUpdate, null));
        assertThat(counts()).isEmpty();

        model.onConnection(
                new ConnectionSnapshot(ConnectionSnapshot.Light.OFFLINE, Cause.UNREACHABLE, lastUpdate, null));
        assertThat(model.status().asOfProperty().get()).isEqualTo("What you see is as of 14:03:12.");
        assertThat(counts()).isEmpty();

        model.onConnection(new ConnectionSnapshot(ConnectionSnapshot.Light.LIVE, Cause.LIVE, lastUpdate, null));
        assertThat(model.status().asOfProperty().get()).isEmpty();
        assertThat(counts()).containsEntry("rooms", 1).containsEntry("where", 1).containsEntry("feed", 1);
        assertThat(model.groups().messageProperty().get()).isEmpty();
    }

    @Test
    void theStatusLightKnowsEveryCauseTheRealtimeClientGives() {
        for (var cause : app.roomwatch.console.realtime.ConnectionState.Cause.values()) {
            var state = new app.roomwatch.console.realtime.ConnectionState(
                    app.roomwatch.console.realtime.ConnectionState.Mode.OFFLINE, cause, "why", null, null);
            assertThat(ConsoleShell.snapshot(state).cause().name()).isEqualTo(cause.name());
        }
    }

    private Map<String, Integer> counts() {
        return fetches.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().get()));
    }

    private <T> T fetched(String what, T answer) {
        fetches.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        return answer;
    }

    private EventEnvelope event(EventPayload payload) {
        return new EventEnvelope(Integer.toString(++serial), 1, "tenant", Instant.EPOCH, payload);
    }

    private final class Groups implements GroupsApi {
        @Override
        public List<ActiveGroupView> activeGroups() {
            return fetched(
                    "groups",
                    List.of(new ActiveGroupView("g1", "Painting", "r1", "Room 1", Instant.EPOCH, List.of(ANNA), true)));
        }

        @Override
        public List<VisitDisplay> visits(String activeGroupId) {
            return fetched("visits:" + activeGroupId, List.of());
        }

        @Override
        public List<StudentSummary> students(String query) {
            return List.of();
        }

        @Override
        public List<RoomView> rooms() {
            return List.of();
        }

        @Override
        public VisitDisplay checkIn(String activeGroupId, String studentId) {
            throw new UnsupportedOperationException("not part of these tests");
        }

        @Override
        public void checkOut(String visitId) {}

        @Override
        public void startActivity(String name, String roomId, List<String> supervisorIds) {}

        @Override
        public void endActivity(String activeGroupId) {}

        @Override
        public void changeSupervisors(String activeGroupId, List<String> supervisorIds) {}
    }

    private final class Notifications implements NotificationsApi {
        @Override
        public List<NotificationView> notifications(int limit) {
            return fetched("notifications", List.of());
        }

        @Override
        public void markRead(String id) {}
    }

    /** Anna leads one group. */
    private final class Roster implements RosterSource {
        @Override
        public List<app.roomwatch.model.api.LedGroup> groupsILead() {
            return List.of(new app.roomwatch.model.api.LedGroup("c12", "Classes 1–2"));
        }

        @Override
        public List<app.roomwatch.model.api.RosterChild> roster(String groupId) {
            return fetched("roster:" + groupId, List.of());
        }
    }
}
