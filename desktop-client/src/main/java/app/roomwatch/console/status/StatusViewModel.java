package app.roomwatch.console.status;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status light in the header: Live, Connecting, Polling or Offline, a tooltip that says why, when the last
 * event came and when the next try is, and the banner that tells the user when updates are not live.
 */
public final class StatusViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Messages messages;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Light> light = new ReadOnlyObjectWrapper<>(this, "light", Light.CONNECTING);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyBooleanWrapper bannerVisible = new ReadOnlyBooleanWrapper(this, "bannerVisible");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper(this, "asOf", "");

    public StatusViewModel(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        update(new ConnectionSnapshot(Light.CONNECTING, "", null, null));
    }

    public ReadOnlyObjectProperty<Light> lightProperty() {
        return light.getReadOnlyProperty();
    }

    /** "Live", "Connecting", "Polling", "Offline". */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** "Real-time updates unavailable, using polling", or the reason the console is offline. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerVisibleProperty() {
        return bannerVisible.getReadOnlyProperty();
    }

    /** While Polling or Offline: "What you see is as of 14:03:12." (the last update that came); else empty. */
    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public void update(ConnectionSnapshot snapshot) {
        String key = snapshot.light().name().toLowerCase(java.util.Locale.ROOT);
        light.set(snapshot.light());
        label.set(messages.get("status." + key));

        StringBuilder text = new StringBuilder(messages.get("status." + key + ".explained"));
        if (!snapshot.reason().isBlank()) {
            text.append('\n').append(messages.get("status.reason", snapshot.reason()));
        }
        text.append('\n')
                .append(
                        snapshot.lastEventAt() == null
                                ? messages.get("status.noEventYet")
                                : messages.get("status.lastEvent", time(snapshot.lastEventAt())));
        if (snapshot.nextAttemptAt() != null) {
            text.append('\n').append(messages.get("status.nextAttempt", time(snapshot.nextAttemptAt())));
        }
        tooltip.set(text.toString());

        switch (snapshot.light()) {
            case POLLING -> banner.set(messages.get("status.pollingBanner"));
            case OFFLINE ->
                banner.set(
                        snapshot.reason().isBlank()
                                ? messages.get("status.offlineBanner")
                                : messages.get("status.offlineBannerBecause", snapshot.reason()));
            default -> banner.set("");
        }
        bannerVisible.set(!banner.get().isEmpty());
        asOf.set(
                bannerVisible.get() && snapshot.lastEventAt() != null
                        ? messages.get("where.asOf", time(snapshot.lastEventAt()))
                        : "");
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
