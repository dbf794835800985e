package app.roomwatch.console.roster;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.ChildLocation;
import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.RosterChild;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RosterViewModelTests {

    private static final ChildLocation IN_ART =
            new ChildLocation(LocationState.IN_ROOM, "r1", "Art room", "g1", "Painting", Instant.EPOCH);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger rosterFetches = new AtomicInteger();
    private final AtomicReference<List<RosterChild>> roster = new AtomicReference<>(List.of(
            new RosterChild("st1", "Anna B.", "1a", IN_ART),
            new RosterChild("st2", "Ben C.", "1b", ChildLocation.notSeenToday()),
            new RosterChild(
                    "st3",
                    "Mia K.",
                    "2a",
                    new ChildLocation(LocationState.GONE_HOME, null, null, null, null, Instant.EPOCH))));
    private final RosterViewModel model = new RosterViewModel(
            new RosterSource() {
                @Override
                public List<LedGroup> groupsILead() {
                    return List.of(new LedGroup("c12", "Classes 1–2"));
                }

                @Override
                public List<RosterChild> roster(String groupId) {
                    rosterFetches.incrementAndGet();
                    return roster.get();
                }
            },
            TaskExecutor.sameThread(),
            scheduler,
            Messages.of("en"));

    @Test
    void aLeadSeesHerGroupWithTheChildrenInNoRoomFirst() {
        model.reload();

        assertThat(model.groups().selectedIdProperty().get()).isEqualTo("c12");
        assertThat(model.children().items())
                .extracting(RosterChild::studentName)
                .containsExactly("Ben C.", "Mia K.", "Anna B.");
        assertThat(model.total()).isEqualTo(3);
        assertThat(model.inNoRoom()).isEqualTo(2);
    }

    @Test
    void theFilterNarrowsTheListAndABurstOfMovesRefetchesOnce() {
        model.reload();
        model.filterProperty().set("mi");
        assertThat(model.children().items()).extracting(RosterChild::studentId).containsExactly("st3");
        model.filterProperty().set("1");
        assertThat(model.children().items()).extracting(RosterChild::studentId).containsExactly("st2", "st1");
        model.filterProperty().set("");

        int before = rosterFetches.get();
        roster.set(List.of(new RosterChild("st2", "Ben C.", "1b", IN_ART)));
        for (int i = 0; i < 40; i++) {
            model.onLocationsChanged();
        }
        scheduler.advance(Coalescer.WINDOW);

        assertThat(rosterFetches.get()).isEqualTo(before + 1);
        assertThat(model.inNoRoom()).isZero();
    }
}
