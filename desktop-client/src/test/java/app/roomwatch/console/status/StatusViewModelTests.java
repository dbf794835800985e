package app.roomwatch.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ConnectionSnapshot.Cause;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatusViewModelTests {

    private final AtomicReference<Instant> lastLoad = new AtomicReference<>();
    private final StatusViewModel model = new StatusViewModel(Messages.of("en"), ZoneOffset.UTC, lastLoad::get);

    @Test
    void theTooltipSaysWhyWhenTheLastEventCameAndWhenTheNextTryIs() {
        model.update(new ConnectionSnapshot(
                Light.CONNECTING,
                Cause.CONNECTION_LOST,
                Instant.parse("2026-11-23T10:00:01Z"),
                Instant.parse("2026-11-23T10:00:05Z")));

        assertThat(model.labelProperty().get()).isEqualTo("Connecting");
        assertThat(model.tooltipProperty().get())
                .contains("Why: The connection to the server was lost; the console tries again.")
                .contains("Last update received at 10:00:01")
                .contains("Next try at 10:00:05");
        assertThat(model.bannerVisibleProperty().get()).isFalse();
    }

    @Test
    void pollingShowsTheBannerAndBlocksActionsUntilLive() {
        model.update(new ConnectionSnapshot(Light.POLLING, Cause.POLLING, null, null));

        assertThat(model.lightProperty().get()).isEqualTo(Light.POLLING);
        assertThat(model.bannerProperty().get()).isEqualTo("Real-time updates unavailable, using polling");
        assertThat(model.bannerVisibleProperty().get()).isTrue();
        assertThat(model.reach().blocked().get()).isTrue();
        assertThat(model.reach().why().get()).startsWith("Not possible while updates are not live");

        model.update(new ConnectionSnapshot(Light.LIVE, Cause.LIVE, Instant.EPOCH, null));
        assertThat(model.bannerVisibleProperty().get()).isFalse();
        assertThat(model.reach().blocked().get()).isFalse();
        assertThat(model.reach().why().get()).isEmpty();
        assertThat(model.tooltipProperty().get()).startsWith("Updates arrive the moment they happen.");
    }

    @Test
    void whenNoUpdateCameBeforeTheBreakThePictureIsAsOfTheLastAnswerFetched() {
        lastLoad.set(Instant.parse("2026-11-23T10:15:30Z"));

        model.update(new ConnectionSnapshot(Light.POLLING, Cause.POLLING, null, null));
        assertThat(model.asOfProperty().get()).isEqualTo("What you see is as of 10:15:30.");

        model.update(
                new ConnectionSnapshot(Light.OFFLINE, Cause.UNREACHABLE, Instant.parse("2026-11-23T10:16:00Z"), null));
        assertThat(model.asOfProperty().get()).isEqualTo("What you see is as of 10:16:00.");
        assertThat(model.reach().why().get()).startsWith("Not possible while the console is offline");
    }

    @Test
    void offlineSaysWhyInTheBannerAndTheTooltipInGerman() {
        var german = new StatusViewModel(Messages.of("de"), ZoneOffset.UTC, () -> null);
        german.update(new ConnectionSnapshot(Light.OFFLINE, Cause.SIGN_IN_EXPIRED, null, null));

        assertThat(german.labelProperty().get()).isEqualTo("Offline");
        assertThat(german.bannerProperty().get())
                .isEqualTo("Offline: Ihre Anmeldung ist abgelaufen. Melden Sie sich ab und wieder an, um Updates"
                        + " zu erhalten.");
        assertThat(german.tooltipProperty().get())
                .contains("Grund: Ihre Anmeldung ist abgelaufen")
                .contains("Noch kein Update empfangen");
        assertThat(german.reach().why().get()).startsWith("Nicht möglich, solange die Konsole offline ist");
    }

    @Test
    void everyCauseHasWordsInBothLanguages() {
        for (String language : new String[] {"en", "de"}) {
            var messages = Messages.of(language);
            for (Cause cause : Cause.values()) {
                String key = "status.cause." + cause.name().toLowerCase(java.util.Locale.ROOT);
                assertThat(messages.get(key))
                        .as(language + " " + key)
                        .isNotEqualTo(key)
                        .isNotBlank();
            }
        }
    }
}
