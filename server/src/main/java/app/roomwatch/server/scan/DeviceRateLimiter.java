package app.roomwatch.server.scan;

import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.limit.SharedLimits;
import app.roomwatch.server.limit.SharedLimits.Rate;
import app.roomwatch.server.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How much the scanners' API takes, counted by every instance together ({@link SharedLimits}): at most
 * {@code roomwatch.scan.requests-per-minute} requests per scanner, so one faulty scanner can not flood the log, and
 * at most {@code roomwatch.auth.unknown-device-keys-per-address} requests with an unknown key per client address and
 * {@code roomwatch.auth.address-window}, so nobody can try keys at the speed of the database. An address over that
 * is turned away by this instance without a database query until its wait is over.
 */
@Component
class DeviceRateLimiter {

    /** Past this many blocked addresses, those whose wait is over are swept out. */
    private static final int SWEEP_AT = 10_000;

    private final SharedLimits limits;
    private final Clock clock;
    private final Rate perDevice;
    private final Rate unknownKeys;
    private final ConcurrentHashMap<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    DeviceRateLimiter(SharedLimits limits, Clock clock, RoomwatchProperties properties) {
        this.limits = limits;
        this.clock = clock;
        this.perDevice = new Rate("scanner", properties.scan().requestsPerMinute(), Duration.ofMinutes(1));
        this.unknownKeys = new Rate(
                "unknown-device-key",
                properties.auth().unknownDeviceKeysPerAddress(),
                properties.auth().addressWindow());
    }

    /** Counts one request of a known scanner; {@link Duration#ZERO} when it may go ahead, else how long to wait. */
    Duration acquire(long deviceId) {
        return limits.take(perDevice, Long.toString(deviceId));
    }

    /** Counts one request of each of these scanners at once (a scanner may come more than once), as {@link #acquire}. */
    List<Duration> acquireAll(List<Long> deviceIds) {
        return limits.takeAll(
                perDevice, deviceIds.stream().map(id -> Long.toString(id)).toList());
    }

    /** What a scanner over its limit is answered. */
    static ApiException tooManyRequests(Duration wait) {
        return ApiException.tooManyRequests("This scanner sends too many requests; slow down", wait);
    }

    /** How long {@code address} must still wait after sending too many unknown keys, or {@link Duration#ZERO}. */
    Duration blocked(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(address, until);
            return Duration.ZERO;
        }
        return left;
    }

    /** Counts one unknown key from {@code address}; {@link Duration#ZERO} while under the limit, else the wait. */
    Duration unknownKey(String address) {
        Duration wait = limits.take(unknownKeys, address);
        if (!wait.isZero()) {
            Instant now = clock.instant();
            if (blockedUntil.size() >= SWEEP_AT) {
                blockedUntil.values().removeIf(until -> !until.isAfter(now));
            }
            blockedUntil.put(address, now.plus(wait));
        }
        return wait;
    }
}
