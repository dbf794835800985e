package app.roomwatch.console.realtime;

import java.time.Duration;

/**
 * The counting behind reconnects: how long to wait before the next attempt, when to fall back to polling, and
 * whether a 401 may still be answered by renewing the token. Confined to the client's actor.
 */
final class RetryPlan {

    private final Backoff backoff;
    private final int failuresBeforePolling;
    /** Attempts in a row that never opened. */
    private int failedAttempts;
    /** Retries since the stream last stayed open for the stable period: picks the wait. */
    private int step;
    /** A 401 was answered by renewing the token since the stream last opened. */
    private boolean renewed;

    RetryPlan(Backoff backoff, int failuresBeforePolling) {
        this.backoff = backoff;
        this.failuresBeforePolling = failuresBeforePolling;
    }

    /** Forgets everything: a fresh start. */
    void restart() {
        failedAttempts = 0;
        step = 0;
        renewed = false;
    }

    /** The stream opened: the failures in a row end, and a later 401 may renew again. */
    void opened() {
        failedAttempts = 0;
        renewed = false;
    }

    /** The stream stayed open for the stable period: the waits start over. */
    void stable() {
        step = 0;
    }

    /** The wait after a stream ended or an attempt failed; only an attempt that never opened counts as failed. */
    Duration afterLoss(boolean wasOpened) {
        if (!wasOpened) {
            failedAttempts++;
        }
        return backoff.delay(++step);
    }

    /** The wait after a 429: what the server asked, or the usual backoff when it did not say. */
    Duration afterBusy(Duration asked) {
        failedAttempts++;
        return asked != null ? asked : backoff.delay(++step);
    }

    /** True for the first 401 since the stream opened; a second one means renewing does not help. */
    boolean mayRenew() {
        if (renewed) {
            return false;
        }
        renewed = true;
        return true;
    }

    boolean shouldPoll() {
        return failedAttempts >= failuresBeforePolling;
    }

    int failedAttempts() {
        return failedAttempts;
    }
}
