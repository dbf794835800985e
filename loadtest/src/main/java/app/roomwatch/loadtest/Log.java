package app.roomwatch.loadtest;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on standard error, so that a long run shows where it is. */
final class Log {

    private Log() {}

    static void info(String format, Object... args) {
        System.err.println(
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(Locale.ROOT, format, args));
    }
}
