package app.roomwatch.server.auth;

import app.roomwatch.server.RoomwatchProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailedLogins} wrong passwords in a row for one account (known or
 * not, so that the answer does not reveal which accounts exist) it must wait {@code loginLockout}. Kept per
 * instance, which is enough to make guessing slow.
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(Clock clock, RoomwatchProperties properties) {
        this.clock = clock;
        this.maxFailures = properties.auth().maxFailedLogins();
        this.lockout = properties.auth().loginLockout();
    }

    /** How long this account must still wait, or {@link Duration#ZERO}. */
    Duration waitFor(String tenant, String username) {
        Failures current = failures.get(key(tenant, username));
        if (current == null || current.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String tenant, String username) {
        Instant now = clock.instant();
        failures.compute(key(tenant, username), (key, current) -> {
            int count = current == null || expired(current, now) ? 1 : current.count() + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockout) : null);
        });
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        }
    }

    void succeeded(String tenant, String username) {
        failures.remove(key(tenant, username));
    }

    private static boolean expired(Failures failures, Instant now) {
        return failures.lockedUntil() != null && !now.isBefore(failures.lockedUntil());
    }

    private static String key(String tenant, String username) {
        return tenant.toLowerCase(Locale.ROOT) + '/' + username.toLowerCase(Locale.ROOT);
    }
}
