package app.roomwatch.console.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.event.VisitSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RoomsViewModelTests {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<List<RoomView>> server =
            new AtomicReference<>(List.of(room("1", "Painting", 4, 20, "Anna Schmidt"), room("2", "Gym", 0, 30, null)));
    private final RoomsViewModel model = new RoomsViewModel(
            () -> {
                fetches.incrementAndGet();
                return server.get();
            },
            TaskExecutor.sameThread(),
            scheduler,
            Messages.of("en"));

    @Test
    void showsEveryRoomWithOccupancyActivityAndSupervisors() {
        model.reload();

        RoomView painting = model.rooms().items().getFirst();
        assertThat(model.occupancyText(painting)).isEqualTo("4 / 20");
        assertThat(model.activityText(painting)).isEqualTo("Room 1");
        assertThat(model.supervisorsText(painting)).isEqualTo("Anna Schmidt");
        assertThat(model.activityText(model.rooms().items().get(1))).isEqualTo("Nothing running");
        assertThat(model.childrenPresentProperty().get()).isEqualTo(4);
    }

    @Test
    void aBurstOfRoomEventsRefetchesOnce() {
        model.reload();
        for (int i = 0; i < 500; i++) {
            model.onRoomChanged();
        }
        scheduler.advance(Coalescer.WINDOW);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void theSelectedRoomStaysSelectedByIdWhenTheRoomsAreFetchedAgain() {
        model.reload();
        model.rooms().selectedIdProperty().set("2");

        server.set(List.of(room("2", "Gym", 7, 30, "Ben Weber"), room("1", "Painting", 5, 20, "Anna Schmidt")));
        model.onRoomChanged();
        scheduler.advance(Coalescer.WINDOW);

        assertThat(model.rooms().selectedIdProperty().get()).isEqualTo("2");
        assertThat(model.rooms().selected().occupancy()).isEqualTo(7);

        server.set(List.of(room("1", "Painting", 5, 20, "Anna Schmidt")));
        model.reload();
        assertThat(model.rooms().selectedIdProperty().get()).isNull();
    }

    @Test
    void aRoomOverCapacityIsMarked() {
        RoomView full = room("3", "Library", 31, 30, "Ben Weber");

        assertThat(model.isOverCapacity(full)).isTrue();
        assertThat(model.fill(full)).isGreaterThan(1.0);
    }

    @Test
    void theFilterNarrowsTheChildrenOnTheBoardAndHidesRoomsWithoutAMatch() {
        RoomChild mia = new RoomChild("st1", "Mia K.", "2a", java.time.Instant.EPOCH.plusSeconds(20), VisitSource.RFID);
        RoomChild ben = new RoomChild("st2", "Ben L.", "3b", java.time.Instant.EPOCH, VisitSource.MANUAL);
        RoomView painting = new RoomView(
                "1", "Painting", 20, 2, room("1", "Painting", 2, 20, "Anna").activeGroup(), List.of(mia, ben));
        RoomView gym = room("2", "Gym", 0, 30, null);
        server.set(List.of(painting, gym));
        model.reload();

        assertThat(model.childrenShown(painting)).containsExactly(mia, ben);
        model.filterProperty().set("be");
        assertThat(model.childrenShown(painting)).containsExactly(ben);
        assertThat(model.isFilteredOut(painting)).isFalse();
        assertThat(model.isFilteredOut(gym)).isTrue();
        model.filterProperty().set("3b");
        assertThat(model.childrenShown(painting)).containsExactly(ben);
        model.filterProperty().set("");
        assertThat(model.isFilteredOut(gym)).isFalse();
    }

    private static RoomView room(String id, String name, int occupancy, int capacity, String supervisor) {
        var activity = supervisor == null
                ? null
                : new RoomView.Activity("g" + id, "Room " + id, List.of(new Person("s" + id, supervisor)));
        return new RoomView(id, name, capacity, occupancy, activity, List.of());
    }
}
