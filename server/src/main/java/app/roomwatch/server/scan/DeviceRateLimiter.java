package app.roomwatch.server.scan;

import app.roomwatch.server.RoomwatchProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@code roomwatch.scan.requests-per-minute} requests per scanner and minute (a fixed window on the
 * application clock), so one faulty scanner can not flood the log. Per instance.
 */
@Component
class DeviceRateLimiter {

    private record Window(long minute, int count) {}

    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perMinute;

    DeviceRateLimiter(Clock clock, RoomwatchProperties properties) {
        this.clock = clock;
        this.perMinute = properties.scan().requestsPerMinute();
    }

    /** Counts one request; {@link Duration#ZERO} when it may go ahead, else how long until the next window. */
    Duration acquire(long deviceId) {
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        Window window = windows.merge(
                deviceId,
                new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        if (window.count() <= perMinute) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((minute + 1) * 60_000 - nowMillis);
    }
}
