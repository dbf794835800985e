package app.roomwatch.console.sound;

/** The console's two sounds: a soft one for information, a distinct one for urgent notifications. */
public enum Sound {
    INFO("info.wav"),
    URGENT("urgent.wav");

    private final String file;

    Sound(String file) {
        this.file = file;
    }

    /** The classpath resource of the sound, next to this class. */
    public String resource() {
        return "/app/roomwatch/console/sound/" + file;
    }
}
