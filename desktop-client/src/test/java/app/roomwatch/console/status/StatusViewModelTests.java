package app.roomwatch.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusViewModelTests {

    private final StatusViewModel model = new StatusViewModel(Messages.of("en"), ZoneOffset.UTC);

    @Test
    void theTooltipSaysWhyWhenTheLastEventCameAndWhenTheNextTryIs() {
        model.update(new ConnectionSnapshot(
                Light.CONNECTING,
                "server closed the connection",
                Instant.parse("2026-11-23T10:00:01Z"),
                Instant.parse("2026-11-23T10:00:05Z")));

        assertThat(model.labelProperty().get()).isEqualTo("Connecting");
        assertThat(model.tooltipProperty().get())
                .contains("Why: server closed the connection")
                .contains("Last update received at 10:00:01")
                .contains("Next try at 10:00:05");
        assertThat(model.bannerVisibleProperty().get()).isFalse();
    }

    @Test
    void pollingShowsTheBanner() {
        model.update(new ConnectionSnapshot(Light.POLLING, "stream refused", null, null));

        assertThat(model.lightProperty().get()).isEqualTo(Light.POLLING);
        assertThat(model.bannerProperty().get()).isEqualTo("Real-time updates unavailable, using polling");
        assertThat(model.bannerVisibleProperty().get()).isTrue();

        model.update(new ConnectionSnapshot(Light.LIVE, "", Instant.EPOCH, null));
        assertThat(model.bannerVisibleProperty().get()).isFalse();
        assertThat(model.tooltipProperty().get()).startsWith("Updates arrive the moment they happen.");
    }

    @Test
    void offlineSaysWhyInTheBannerInGermanToo() {
        var german = new StatusViewModel(Messages.of("de"), ZoneOffset.UTC);
        german.update(new ConnectionSnapshot(Light.OFFLINE, "Konto gesperrt", null, null));

        assertThat(german.labelProperty().get()).isEqualTo("Offline");
        assertThat(german.bannerProperty().get()).isEqualTo("Offline: Konto gesperrt");
        assertThat(german.tooltipProperty().get()).contains("Noch kein Update empfangen");
    }
}
