package app.roomwatch.console.sound;

import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.media.AudioClip;

/**
 * Plays the sounds with {@link AudioClip}, loaded once. A machine without audio (a server room desktop, CI) gets
 * silence and one log line, never an error dialog.
 */
public final class ClipSoundPlayer implements SoundPlayer {

    private static final Logger LOG = Logger.getLogger(ClipSoundPlayer.class.getName());

    private final Map<Sound, AudioClip> clips = new EnumMap<>(Sound.class);
    private boolean broken;

    @Override
    public void play(Sound sound) {
        if (broken) {
            return;
        }
        try {
            clips.computeIfAbsent(
                            sound,
                            s -> new AudioClip(ClipSoundPlayer.class
                                    .getResource(s.resource())
                                    .toExternalForm()))
                    .play();
        } catch (RuntimeException e) {
            broken = true;
            LOG.log(Level.INFO, "Sounds are off: this machine cannot play audio ({0})", e.toString());
        }
    }
}
