package app.roomwatch.console.sound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Plays the sounds with {@code javax.sound.sampled}, which needs nothing but the JDK and a sound device: it works
 * where JavaFX media cannot create a player (no GStreamer, say). When this machine has no usable sound device, the
 * {@code fallback} (JavaFX's {@link ClipSoundPlayer}) is asked instead; when that fails too, there is silence and one
 * log line.
 */
public final class SampledSoundPlayer implements SoundPlayer {

    private static final Logger LOG = Logger.getLogger(SampledSoundPlayer.class.getName());

    private final SoundPlayer fallback;
    private boolean useFallback;

    public SampledSoundPlayer(SoundPlayer fallback) {
        this.fallback = fallback;
    }

    @Override
    public void play(Sound sound) {
        if (useFallback) {
            fallback.play(sound);
            return;
        }
        try (AudioInputStream decoded = decode(sound)) {
            Clip clip = AudioSystem.getClip();
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.open(decoded);
            clip.start();
        } catch (Exception | LinkageError e) {
            useFallback = true;
            LOG.log(Level.INFO, "No sound device for javax.sound ({0}); trying JavaFX media", e.toString());
            fallback.play(sound);
        }
    }

    /** The bundled sound, decoded to PCM. */
    static AudioInputStream decode(Sound sound) throws IOException, UnsupportedAudioFileException {
        InputStream in = SampledSoundPlayer.class.getResourceAsStream(sound.resource());
        if (in == null) {
            throw new IOException("The sound " + sound.resource() + " is not in the console's files");
        }
        return AudioSystem.getAudioInputStream(new BufferedInputStream(in));
    }
}
