package app.roomwatch.server.limit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rate limits that every instance on the shared database counts together: token buckets kept by Bucket4j in the
 * table {@code rate_limit_bucket}, each change a row lock and update in a short transaction of its own. Those
 * transactions commit without waiting for the disk ({@link UnsyncedCommits}): a crash may forget a few counts, which
 * only makes a limit briefly more lenient, and the checks stay off the fsync path that durable writes queue on.
 */
@Component
public class SharedLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedLimits.class);

    /** How often buckets that have filled up again (and so are no different from absent ones) are deleted. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Clock clock;
    private volatile Instant nextSweep = Instant.MIN;

    SharedLimits(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(new UnsyncedCommits(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A full bucket needs no row: it expires once refilled, and the sweep deletes it.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                // The application's clock, so that tests can move time; instances keep theirs in step by NTP.
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        Instant now = clock.instant();
                        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }

    /**
     * A limit: {@code capacity} at once, refilled evenly over {@code period}.
     *
     * @param name what it counts, part of each bucket's key
     */
    public record Rate(String name, long capacity, Duration period) {

        public Rate {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate needs a capacity and a period: " + name);
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        }
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code rate}.
     *
     * @return {@link Duration#ZERO} when taken, else how long until the next token (nothing was taken)
     */
    public Duration take(Rate rate, String key) {
        ConsumptionProbe probe = bucket(rate, key).tryConsumeAndReturnRemaining(1);
        sweepNowAndThen();
        return probe.isConsumed() ? Duration.ZERO : atLeastOneSecond(probe.getNanosToWaitForRefill());
    }

    /** Gives one token back, as when what was counted turned out fine (a sign-in that succeeded). */
    public void giveBack(Rate rate, String key) {
        bucket(rate, key).addTokens(1);
    }

    private BucketProxy bucket(Rate rate, String key) {
        return buckets.getProxy(rate.name() + ':' + digest(key), rate::configuration);
    }

    /** Keys may hold what callers sent (user names, addresses): the table keeps only a digest. */
    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Duration atLeastOneSecond(long nanos) {
        Duration wait = Duration.ofNanos(nanos);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private void sweepNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        Thread.ofVirtual().name("rate-limit-sweep").start(() -> {
            try {
                int removed = buckets.removeExpired(1000);
                log.debug("Removed {} refilled rate limit buckets", removed);
            } catch (RuntimeException e) {
                log.info("Could not remove refilled rate limit buckets: {}", e.toString());
            }
        });
    }
}
