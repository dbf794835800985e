package app.roomwatch.console.notifications;

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

    public ToastAndSound(ToastViewModel toasts, SoundPlayer sounds, BooleanSupplier soundsOn) {
        this.toasts = toasts;
        this.sounds = sounds;
        this.soundsOn = soundsOn;
    }

    @Override
    public void announce(NotificationCreated notification) {
        boolean urgent = notification.priority() == NotificationPriority.URGENT;
        if (urgent) {
            toasts.show(new Toast(notification.id(), notification.title(), notification.body()));
        }
        if (soundsOn.getAsBoolean()) {
            sounds.play(urgent ? Sound.URGENT : Sound.INFO);
        }
    }
}
