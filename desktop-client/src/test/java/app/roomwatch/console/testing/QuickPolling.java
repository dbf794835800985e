package app.roomwatch.console.testing;

import app.roomwatch.console.realtime.RealtimeSettings;
import java.time.Duration;

/** Realtime settings for tests: quick retries, and polling after two failures or practically never. */
public final class QuickPolling {

    /** Falls back to polling after two quick failed attempts, so a test of the polling picture needs no long wait. */
    public static final RealtimeSettings POLL_SOON = quickRetries(2);

    /** Quick retries that never give up on the stream, so a restart shows Connecting, not Polling. */
    public static final RealtimeSettings KEEP_TRYING = quickRetries(1_000);

    private static RealtimeSettings quickRetries(int failuresBeforePolling) {
        return new RealtimeSettings(
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                0.2,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                failuresBeforePolling,
                500,
                Duration.ofMillis(100));
    }

    private QuickPolling() {}
}
