package app.roomwatch.console.status;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.status.ConnectionSnapshot.Cause;
import app.roomwatch.console.status.ConnectionSnapshot.Light;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status light in the header: Live, Connecting, Polling or Offline, a tooltip that says why, when the last
 * event came and when the next try is, and the banner that tells the user when updates are not live; while they are
 * not, how old the picture is and that actions which need the server wait until they are live again.
 */
public final class StatusViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Messages messages;
    private final ZoneId zone;
    private final Supplier<Instant> lastLoadedAt;
    private final ReadOnlyObjectWrapper<Light> light = new ReadOnlyObjectWrapper<>(this, "light", Light.CONNECTING);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyBooleanWrapper bannerVisible = new ReadOnlyBooleanWrapper(this, "bannerVisible");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper(this, "asOf", "");
    private final ReadOnlyBooleanWrapper actionsBlocked = new ReadOnlyBooleanWrapper(this, "actionsBlocked");
    private final ReadOnlyStringWrapper actionsBlockedWhy = new ReadOnlyStringWrapper(this, "actionsBlockedWhy", "");
    private final ServerReach reach =
            new ServerReach(actionsBlocked.getReadOnlyProperty(), actionsBlockedWhy.getReadOnlyProperty());

    /** @param lastLoadedAt when the console last fetched something from the server, or {@code null} before that */
    public StatusViewModel(Messages messages, ZoneId zone, Supplier<Instant> lastLoadedAt) {
        this.messages = messages;
        this.zone = zone;
        this.lastLoadedAt = lastLoadedAt;
        update(new ConnectionSnapshot(Light.CONNECTING, Cause.CONNECTING, null, null));
    }

    /** Whether actions that need the server are offered now, for every view that has such actions. */
    public ServerReach reach() {
        return reach;
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

    /**
     * While Polling or Offline: "What you see is as of 14:03:12.", the later of the last update that came and the
     * last answer the console fetched; else empty.
     */
    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public void update(ConnectionSnapshot snapshot) {
        String key = snapshot.light().name().toLowerCase(Locale.ROOT);
        light.set(snapshot.light());
        label.set(messages.get("status." + key));

        String cause = messages.get("status.cause." + snapshot.cause().name().toLowerCase(Locale.ROOT));
        StringBuilder text = new StringBuilder(messages.get("status." + key + ".explained"));
        if (saysMore(snapshot.cause())) {
            text.append('\n').append(messages.get("status.reason", cause));
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
                        saysMore(snapshot.cause())
                                ? messages.get("status.offlineBannerBecause", cause)
                                : messages.get("status.offlineBanner"));
            default -> banner.set("");
        }
        bannerVisible.set(!banner.get().isEmpty());
        Instant seen = latest(snapshot.lastEventAt(), lastLoadedAt.get());
        asOf.set(bannerVisible.get() && seen != null ? messages.get("where.asOf", time(seen)) : "");
        actionsBlocked.set(bannerVisible.get());
        actionsBlockedWhy.set(
                switch (snapshot.light()) {
                    case POLLING -> messages.get("status.blocked.polling");
                    case OFFLINE -> messages.get("status.blocked.offline");
                    default -> "";
                });
    }

    /** Whether the cause tells more than the light's own explanation does. */
    private static boolean saysMore(Cause cause) {
        return switch (cause) {
            case LIVE, CONNECTING, POLLING, NOT_CONNECTED -> false;
            default -> true;
        };
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
