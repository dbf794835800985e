package app.roomwatch.server.auth;

import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.limit.SharedLimits;
import app.roomwatch.server.limit.SharedLimits.Rate;
import app.roomwatch.server.web.ApiException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out (docs/decisions/0008). Each attempt takes a
 * token, before the password is checked, from two buckets shared by every instance: one for this account from this
 * client address, one for this address over all accounts. A sign-in that succeeds gives both back, so only failures
 * count. Accounts known or not are counted alike, so that the answer does not tell which exist; and since no bucket
 * counts an account over all addresses, guesses from elsewhere never keep a teacher out of her own desk.
 */
@Component
class LoginThrottle {

    private final SharedLimits limits;
    private final Rate perAccountAndAddress;
    private final Rate perAddress;

    LoginThrottle(SharedLimits limits, RoomwatchProperties properties) {
        this.limits = limits;
        RoomwatchProperties.Auth auth = properties.auth();
        // maxFailedLogins at once, then one more per loginLockout.
        this.perAccountAndAddress = new Rate(
                "login-account-address",
                auth.maxFailedLogins(),
                auth.loginLockout().multipliedBy(auth.maxFailedLogins()));
        this.perAddress = new Rate("login-address", auth.maxFailedLoginsPerAddress(), auth.addressWindow());
    }

    /** One sign-in attempt, counted before its password is checked. */
    record Attempt(String accountKey, String addressKey) {}

    /**
     * Counts an attempt of {@code username} of {@code tenant} from {@code address}.
     *
     * @throws ApiException 429 when this address has used up its attempts for the account, or for all accounts
     */
    Attempt begin(String tenant, String username, String address) {
        var attempt = new Attempt(
                tenant.toLowerCase(Locale.ROOT) + '/' + username.toLowerCase(Locale.ROOT) + '@' + address, address);
        Duration wait = limits.take(perAccountAndAddress, attempt.accountKey());
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests(
                    "Too many wrong passwords for this account from here; try again in " + wait.toSeconds() + " s",
                    wait);
        }
        wait = limits.take(perAddress, attempt.addressKey());
        if (!wait.isZero()) {
            limits.giveBack(perAccountAndAddress, attempt.accountKey());
            throw ApiException.tooManyRequests(
                    "Too many wrong passwords from this address; try again in " + wait.toSeconds() + " s", wait);
        }
        return attempt;
    }

    /** The password was right: the attempt does not count. */
    void succeeded(Attempt attempt) {
        limits.giveBack(perAccountAndAddress, attempt.accountKey());
        limits.giveBack(perAddress, attempt.addressKey());
    }
}
