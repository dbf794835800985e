package app.roomwatch.console.sound;

/** Plays one of the console's sounds; the real one uses JavaFX media, tests record what was asked. */
@FunctionalInterface
public interface SoundPlayer {

    void play(Sound sound);
}
