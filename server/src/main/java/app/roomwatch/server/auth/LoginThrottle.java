package app.roomwatch.server.auth;

import app.roomwatch.server.RoomwatchProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailedLogins} wrong passwords for one account (known or not, so that
 * the answer does not reveal which accounts exist), each within {@code loginLockout} of the previous one, it must
 * wait {@code loginLockout}. A streak with no failure for that long is forgotten, and forgotten streaks are swept out
 * at most once a window, so names tried once (typos, guessed usernames) do not pile up. Kept per instance, which is
 * enough to make guessing slow.
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private volatile Instant nextSweep;

    @Autowired
    LoginThrottle(Clock clock, RoomwatchProperties properties) {
        this(clock, properties.auth().maxFailedLogins(), properties.auth().loginLockout());
    }

    LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.nextSweep = clock.instant().plus(window);
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
            int count = current == null || stale(current, now) ? 1 : current.count() + 1;
            return new Failures(count, now, count >= maxFailures ? now.plus(window) : null);
        });
        if (!now.isBefore(nextSweep) || failures.size() > 100_000) {
            nextSweep = now.plus(window);
            failures.values().removeIf(entry -> stale(entry, now));
        }
    }

    void succeeded(String tenant, String username) {
        failures.remove(key(tenant, username));
    }

    /** How many accounts are remembered (for tests: the map must not grow without bound). */
    int remembered() {
        return failures.size();
    }

    /** A streak is over once its lockout has passed, or, below the lockout, a window after its last failure. */
    private boolean stale(Failures entry, Instant now) {
        Instant over = entry.lockedUntil() != null
                ? entry.lockedUntil()
                : entry.lastFailure().plus(window);
        return !now.isBefore(over);
    }

    private static String key(String tenant, String username) {
        return tenant.toLowerCase(Locale.ROOT) + '/' + username.toLowerCase(Locale.ROOT);
    }
}
