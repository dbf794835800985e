package app.roomwatch.console.whereis;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.ManualScheduler;
import app.roomwatch.model.api.ChildLocation;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.StudentSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereIsViewModelTests {

    private static final Instant AT_1403 = Instant.parse("2026-11-30T13:03:12Z");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> queries = new ArrayList<>();
    private ChildLocation miasLocation = ChildLocation.notSeenToday();
    private final WhereIsViewModel model = new WhereIsViewModel(
            query -> {
                queries.add(query);
                return List.of(new StudentSummary("st1", "Mia", "Klein", "2a", miasLocation));
            },
            TaskExecutor.sameThread(),
            scheduler,
            Messages.of("en"));

    @Test
    void aSearchAnswersWhereEachChildIsAndFollowsTheRoomsCoalesced() {
        model.search(" mia ");
        assertThat(queries).containsExactly("mia");
        assertThat(model.children().items().getFirst().location().state()).isEqualTo(LocationState.NOT_SEEN_TODAY);

        miasLocation = new ChildLocation(LocationState.IN_ROOM, "r1", "Art room", "g1", "Painting", AT_1403);
        for (int i = 0; i < 50; i++) {
            model.onLocationsChanged();
        }
        scheduler.advance(Coalescer.WINDOW);

        assertThat(queries).containsExactly("mia", "mia");
        assertThat(model.children().items().getFirst().location().roomName()).isEqualTo("Art room");
    }

    @Test
    void everyLocationReadsAsASentenceInEnglishAndGerman() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocationText en = new LocationText(Messages.of("en"), berlin);
        LocationText de = new LocationText(Messages.of("de"), berlin);
        ChildLocation in = new ChildLocation(LocationState.IN_ROOM, "r1", "Art room", "g1", "Painting", AT_1403);
        ChildLocation left = new ChildLocation(LocationState.LEFT_ROOM, "r1", "Gym", "g2", "Football", AT_1403);
        ChildLocation home = new ChildLocation(LocationState.GONE_HOME, null, null, null, null, AT_1403);

        assertThat(en.of(in)).isEqualTo("In Art room (Painting) since 14:03");
        assertThat(en.of(left)).isEqualTo("Left Gym at 14:03");
        assertThat(en.of(home)).isEqualTo("Gone home at 14:03");
        assertThat(en.of(ChildLocation.notSeenToday())).isEqualTo("Not seen today");
        assertThat(de.of(in)).isEqualTo("In Art room (Painting) seit 14:03");
        assertThat(de.of(home)).isEqualTo("Um 14:03 nach Hause gegangen");
        assertThat(de.of(ChildLocation.notSeenToday())).isEqualTo("Heute nicht gesehen");
    }
}
