package app.roomwatch.console.notifications;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.sound.Sound;
import app.roomwatch.console.sound.SoundPlayer;
import app.roomwatch.console.toast.Toast;
import app.roomwatch.console.toast.ToastViewModel;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import java.util.function.BooleanSupplier;

/** The console's alerts: urgent notifications raise a toast; every notification plays a sound if the user wants. */
public final class ToastAndSound implements NotificationAlerts {

    private final ToastViewModel toasts;
    private final SoundPlayer sounds;
    private final BooleanSupplier soundsOn;
    private final Messages messages;

    public ToastAndSound(ToastViewModel toasts, SoundPlayer sounds, BooleanSupplier soundsOn, Messages messages) {
        this.toasts = toasts;
        this.sounds = sounds;
        this.soundsOn = soundsOn;
        this.messages = messages;
    }

    @Override
    public void announce(NotificationCreated notification) {
        boolean urgent = notification.priority() == NotificationPriority.URGENT;
        if (urgent) {
            String byline = notification.sender() == null
                    ? messages.get("notifications.fromRoomwatch")
                    : messages.get("notifications.from", notification.sender());
            toasts.show(new Toast(notification.id(), notification.title(), notification.body(), byline));
        }
        if (soundsOn.getAsBoolean()) {
            sounds.play(urgent ? Sound.URGENT : Sound.INFO);
        }
    }
}
