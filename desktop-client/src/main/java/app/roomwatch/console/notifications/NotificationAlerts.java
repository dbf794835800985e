package app.roomwatch.console.notifications;

import app.roomwatch.model.event.NotificationCreated;

/** What happens, besides the list, when a notification arrives: a toast and a sound, as the settings allow. */
@FunctionalInterface
public interface NotificationAlerts {

    void announce(NotificationCreated notification);
}
