package app.roomwatch.console.testing;

import app.roomwatch.console.realtime.RealtimeSettings;
import java.time.Duration;

/** Realtime settings for tests that need the console to poll: quick retries, polling after two failures. */
public final class QuickPolling {

    /** Falls back to polling after two quick failed attempts, so a test of the polling picture needs no long wait. */
    public static final RealtimeSettings POLL_SOON = new RealtimeSettings(
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            0.2,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            2,
            500,
            Duration.ofMillis(100));

    private QuickPolling() {}
}
