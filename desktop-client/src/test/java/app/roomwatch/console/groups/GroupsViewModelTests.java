package app.roomwatch.console.groups;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.ChildLocation;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.model.event.VisitSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsViewModelTests {

    private static final Person ANNA = new Person("s1", "Anna Schmidt");
    private static final Person BEN = new Person("s2", "Ben Weber");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeServer server = new FakeServer();
    private final GroupsViewModel model =
            new GroupsViewModel(server, TaskExecutor.sameThread(), scheduler, Messages.of("en"), () -> ANNA);

    @Test
    void showsOnlyMyGroupsAndTheChildrenOfTheSelectedOneNewestFirst() {
        server.group("g1", "Painting", ANNA);
        server.group("g2", "Football", BEN);
        server.visit("g1", "v1", "Mia K.", 10);
        server.visit("g1", "v2", "Ben L.", 20);

        model.mine().reload();

        assertThat(model.mine().groups().items())
                .extracting(ActiveGroupView::id)
                .containsExactly("g1");
        assertThat(model.mine().groups().selectedIdProperty().get()).isEqualTo("g1");
        assertThat(model.mine().children().items())
                .extracting(VisitDisplay::studentName)
                .containsExactly("Ben L.", "Mia K.");
        assertThat(model.mine().childCount("g1")).isEqualTo(2);
    }

    @Test
    void theCheckInSearchShowsWhereChildrenAreAndDoesNotOfferOneAlreadyInTheGroup() {
        server.group("g1", "Painting", ANNA);
        model.mine().reload();
        ChildLocation inPainting = new ChildLocation(
                app.roomwatch.model.api.LocationState.IN_ROOM, "r1", "Room 1", "g1", "Painting", Instant.EPOCH);
        ChildLocation inFootball = new ChildLocation(
                app.roomwatch.model.api.LocationState.IN_ROOM, "r2", "Gym", "g2", "Football", Instant.EPOCH);
        server.students = List.of(
                new StudentSummary("st1", "Mia", "K.", "2a", inPainting),
                new StudentSummary("st3", "Mila", "R.", "2b", inFootball));

        model.search().search("mi");

        assertThat(model.search().results()).extracting(StudentSummary::id).containsExactly("st3");
        assertThat(model.search().results().getFirst().location().roomName()).isEqualTo("Gym");
    }

    @Test
    void aBurstOfCheckInsRefetchesThatGroupOnceAndKeepsTheSelectedChild() {
        server.group("g1", "Painting", ANNA);
        server.visit("g1", "v1", "Mia K.", 10);
        model.mine().reload();
        model.mine().children().selectedIdProperty().set("v1");
        int before = server.visitFetches.getOrDefault("g1", 0);

        for (int i = 0; i < 100; i++) {
            server.visit("g1", "x" + i, "Child " + i, 100 + i);
            model.mine().onChildrenChanged("g1");
        }
        scheduler.advance(Coalescer.WINDOW);

        assertThat(server.visitFetches.get("g1") - before).isEqualTo(1);
        assertThat(model.mine().children().items()).hasSize(101);
        assertThat(model.mine().children().selectedIdProperty().get()).isEqualTo("v1");
        assertThat(model.mine().children().selected().studentName()).isEqualTo("Mia K.");
    }

    @Test
    void manualCheckInAndCheckOutGoToTheServerAndShowTheResult() {
        server.group("g1", "Painting", ANNA);
        model.mine().reload();

        model.search().search("mi");
        assertThat(model.search().results())
                .extracting(StudentSummary::firstName)
                .containsExactly("Mia");
        model.actions().checkIn(model.search().results().getFirst());
        assertThat(model.messageProperty().get()).isEqualTo("Mia K. checked in to Painting.");
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items())
                .extracting(VisitDisplay::studentName)
                .containsExactly("Mia K.");

        model.actions().checkOut(model.mine().children().items().getFirst());
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Mia K. checked out.");
    }

    @Test
    void aCheckInOrCheckOutCanBeUndoneForTenSecondsFromItsConfirmation() {
        server.group("g1", "Painting", ANNA);
        model.mine().reload();
        model.search().search("mi");

        model.actions().checkIn(model.search().results().getFirst());
        assertThat(model.actions().undoableProperty().get()).isTrue();
        model.actions().undo();
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Mia K. is checked out again.");
        assertThat(model.actions().undoableProperty().get()).isFalse();

        model.actions().checkIn(model.search().results().getFirst());
        scheduler.advance(Coalescer.WINDOW);
        model.actions().checkOut(model.mine().children().items().getFirst());
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items()).isEmpty();
        model.actions().undo();
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items())
                .extracting(VisitDisplay::studentName)
                .containsExactly("Mia K.");
        assertThat(model.messageProperty().get()).isEqualTo("Mia K. is checked in to Painting again.");

        // Ten seconds later the confirmation no longer offers it.
        model.actions().checkOut(model.mine().children().items().getFirst());
        scheduler.advance(GroupActionsViewModel.UNDO_WINDOW);
        assertThat(model.actions().undoableProperty().get()).isFalse();
        model.actions().undo();
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().children().items()).isEmpty();
    }

    @Test
    void anUndoTheServerRefusesSaysWhereTheChildIsNow() {
        server.group("g1", "Painting", ANNA);
        model.mine().reload();
        model.search().search("mi");
        model.actions().checkIn(model.search().results().getFirst());
        scheduler.advance(Coalescer.WINDOW);
        model.actions().checkOut(model.mine().children().items().getFirst());
        // The activity ended in the meantime: there is nothing to check the child in to.
        server.endActivity("g1");

        model.actions().undo();

        assertThat(model.messageProperty().get())
                .startsWith("Undo did not work, so Mia K. is still checked out. ")
                .doesNotContain("404");
        assertThat(model.messageIsFailureProperty().get()).isTrue();
    }

    @Test
    void startingAndEndingAnActivityFollowsTheServer() {
        model.mine().reload();
        model.actions().loadFreeRooms();
        assertThat(model.actions().freeRooms()).extracting(RoomView::name).containsExactly("Gym");

        model.actions().startActivity("Basketball", "r2");
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().groups().items())
                .extracting(ActiveGroupView::name)
                .containsExactly("Basketball");

        model.actions().endActivity(model.mine().groups().items().getFirst());
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.mine().groups().items()).isEmpty();
        assertThat(model.mine().groups().selectedIdProperty().get()).isNull();
    }

    @Test
    void handingAGroupToAColleagueRemovesItFromMyGroups() {
        server.group("g1", "Painting", ANNA);
        server.group("g2", "Football", BEN);
        model.mine().reload();

        assertThat(model.actions().supervisorCandidates()).containsExactly(ANNA, BEN);
        model.actions().changeSupervisors(model.mine().groups().items().getFirst(), List.of(BEN.id()));
        scheduler.advance(Coalescer.WINDOW);

        assertThat(model.mine().groups().items()).isEmpty();
        assertThat(model.mine().children().items()).isEmpty();
    }

    @Test
    void aRefusedActionSaysWhatHappenedAndWhatToDoInWordsAndClearsWhenTheNextCallSucceeds() {
        server.group("g1", "Painting", ANNA);
        model.mine().reload();

        model.actions().checkIn(new StudentSummary("404", "Nobody", "Known", "1a", ChildLocation.notSeenToday()));

        assertThat(model.messageProperty().get())
                .isEqualTo("That did not work. It is no longer on the server, perhaps removed a moment ago."
                        + " Look at the current list and try again.")
                .doesNotContain("404");
        assertThat(model.messageIsFailureProperty().get()).isTrue();

        model.mine().reload();
        scheduler.advance(Coalescer.WINDOW);
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.messageIsFailureProperty().get()).isFalse();
    }

    /** Active groups, visits and students in memory, following the scan rules a supervisor can see. */
    private static final class FakeServer implements GroupsApi {
        final Map<String, ActiveGroupView> groups = new LinkedHashMap<>();
        final Map<String, List<VisitDisplay>> visits = new HashMap<>();
        final Map<String, Integer> visitFetches = new HashMap<>();
        List<StudentSummary> students = List.of(
                new StudentSummary("st1", "Mia", "K.", "2a", ChildLocation.notSeenToday()),
                new StudentSummary("st2", "Ben", "L.", "3b", ChildLocation.notSeenToday()));
        private int nextId = 100;

        void group(String id, String name, Person supervisor) {
            groups.put(
                    id,
                    new ActiveGroupView(
                            id, name, "r1", "Room 1", Instant.EPOCH, List.of(supervisor), supervisor.equals(ANNA)));
            visits.put(id, new ArrayList<>());
        }

        void visit(String groupId, String visitId, String name, int second) {
            visits.get(groupId)
                    .add(new VisitDisplay(
                            visitId, "st-" + visitId, name, "2a", Instant.EPOCH.plusSeconds(second), VisitSource.RFID));
        }

        @Override
        public List<ActiveGroupView> activeGroups() {
            return List.copyOf(groups.values());
        }

        @Override
        public List<VisitDisplay> visits(String activeGroupId) {
            visitFetches.merge(activeGroupId, 1, Integer::sum);
            return List.copyOf(visits.get(activeGroupId));
        }

        @Override
        public List<StudentSummary> students(String query) {
            return students.stream()
                    .filter(s -> s.firstName().toLowerCase().startsWith(query))
                    .toList();
        }

        @Override
        public List<RoomView> rooms() {
            // Room 1 always has someone else's homework club in it.
            return List.of(
                    new RoomView(
                            "r1", "Room 1", 20, 0, new RoomView.Activity("g0", "Homework", List.of(BEN)), List.of()),
                    new RoomView("r2", "Gym", 30, 0, null, List.of()));
        }

        @Override
        public VisitDisplay checkIn(String activeGroupId, String studentId) throws ApiException {
            StudentSummary student = students.stream()
                    .filter(s -> s.id().equals(studentId))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(404, "There is no student " + studentId));
            List<VisitDisplay> inGroup = visits.get(activeGroupId);
            if (!groups.containsKey(activeGroupId)) {
                throw new ApiException(404, "There is no running active group " + activeGroupId);
            }
            VisitDisplay visit = new VisitDisplay(
                    "v" + nextId++,
                    studentId,
                    student.firstName() + " " + student.lastName(),
                    student.schoolClass(),
                    Instant.now(),
                    VisitSource.MANUAL);
            inGroup.add(visit);
            return visit;
        }

        @Override
        public void checkOut(String visitId) throws ApiException {
            if (visits.values().stream()
                    .noneMatch(list -> list.removeIf(v -> v.visitId().equals(visitId)))) {
                throw new ApiException(404, "There is no open visit " + visitId);
            }
        }

        @Override
        public void startActivity(String name, String roomId, List<String> supervisorIds) {
            String id = "g" + nextId++;
            groups.put(
                    id,
                    new ActiveGroupView(
                            id, name, roomId, "Gym", Instant.now(), List.of(ANNA), supervisorIds.contains(ANNA.id())));
            visits.put(id, new ArrayList<>());
        }

        @Override
        public void endActivity(String activeGroupId) {
            groups.remove(activeGroupId);
        }

        @Override
        public void changeSupervisors(String activeGroupId, List<String> supervisorIds) {
            ActiveGroupView g = groups.get(activeGroupId);
            List<Person> people = supervisorIds.stream()
                    .map(id -> id.equals(ANNA.id()) ? ANNA : BEN)
                    .toList();
            groups.put(
                    activeGroupId,
                    new ActiveGroupView(
                            g.id(), g.name(), g.roomId(), g.roomName(), g.startedAt(), people, people.contains(ANNA)));
        }
    }
}
