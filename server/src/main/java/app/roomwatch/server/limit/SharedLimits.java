package app.roomwatch.server.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits that every instance on the shared database counts together: token buckets in the table
 * {@code rate_limit}, each take one statement that locks its bucket's row only while it runs, in a transaction of
 * its own that commits without waiting for the disk: a crash may forget a few counts, which only makes a limit
 * briefly more lenient, and the checks stay off the fsync path that durable writes queue on
 * (docs/decisions/0015-rate-limits-in-one-statement.md).
 */
@Component
public class SharedLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedLimits.class);

    /** How often buckets that have filled up again (and so are no different from absent ones) are deleted. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** A bucket is deleted only this long after it is full, so that instances' clocks a little apart agree. */
    private static final Duration SWEEP_MARGIN = Duration.ofSeconds(10);

    private static final int SWEEP_BATCH = 1000;

    private final LimitQueries queries;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private volatile Instant nextSweep = Instant.MIN;

    SharedLimits(LimitQueries queries, Clock clock, TransactionTemplate transactions) {
        this.queries = queries;
        this.clock = clock;
        this.transactions = transactions;
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

        /** Tokens refilled a microsecond. */
        double perMicro() {
            return (double) capacity / micros(period);
        }
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code rate}.
     *
     * @return {@link Duration#ZERO} when taken, else how long until the next token (nothing was taken)
     */
    public Duration take(Rate rate, String key) {
        Instant now = clock.instant();
        LimitQueries.Taken taken = queries.take(id(rate, key), rate.capacity(), rate.perMicro(), micros(now));
        sweepNowAndThen(now);
        if (taken.taken()) {
            return Duration.ZERO;
        }
        return wait(rate, taken.available());
    }

    /** How long until a bucket holding {@code tokens} holds one. */
    private static Duration wait(Rate rate, double tokens) {
        double microsToWait = Math.max(0, 1 - tokens) / rate.perMicro();
        return atLeastOneSecond(Duration.of((long) Math.ceil(microsToWait), ChronoUnit.MICROS));
    }

    /**
     * Takes one token for each of {@code keys} (a key may come more than once) in one short transaction for all of
     * them, as {@link #take} would one after the other: a batch of scans counts its scanners in three statements and
     * a commit rather than a statement each (a lone key is taken with {@link #take}). The buckets are locked in id order, their tokens counted here, and written back in one
     * statement; the transaction does not wait for the disk either.
     *
     * @return for each key, in order, {@link Duration#ZERO} when taken, else how long until the next token
     */
    public List<Duration> takeAll(Rate rate, List<String> keys) {
        if (keys.size() == 1) {
            return List.of(take(rate, keys.getFirst()));
        }
        Instant at = clock.instant();
        long now = micros(at);
        Map<String, Integer> wanted = new TreeMap<>();
        List<String> ids = keys.stream().map(key -> id(rate, key)).toList();
        ids.forEach(id -> wanted.merge(id, 1, Integer::sum));
        Map<String, Grant> grants = transactions.execute(status -> {
            List<String> buckets = List.copyOf(wanted.keySet());
            queries.create(buckets, rate.capacity(), now);
            Map<String, Grant> granted = new HashMap<>();
            List<LimitQueries.Stored> stored = new ArrayList<>();
            for (LimitQueries.Bucket bucket : queries.lock(buckets)) {
                double available = Math.min(
                        rate.capacity(), bucket.tokens() + Math.max(0, now - bucket.refilledAt()) * rate.perMicro());
                int got = (int) Math.min(wanted.get(bucket.id()), Math.floor(available));
                double left = available - got;
                long refilledAt = Math.max(bucket.refilledAt(), now);
                granted.put(bucket.id(), new Grant(got, left));
                if (got > 0) {
                    long fullAt = refilledAt + (long) Math.ceil((rate.capacity() - left) / rate.perMicro());
                    stored.add(new LimitQueries.Stored(bucket.id(), left, refilledAt, fullAt));
                }
            }
            if (!stored.isEmpty()) {
                queries.store(stored);
            }
            return granted;
        });
        sweepNowAndThen(at);
        List<Duration> waits = new ArrayList<>(ids.size());
        for (String id : ids) {
            // A bucket deleted as full between its creation and its lock (it can not be: it was full just now) is full.
            Grant grant = grants.getOrDefault(id, new Grant(wanted.get(id), rate.capacity()));
            if (grant.left() > 0) {
                grants.put(id, new Grant(grant.left() - 1, grant.tokensLeft()));
                waits.add(Duration.ZERO);
            } else {
                waits.add(wait(rate, grant.tokensLeft()));
            }
        }
        return waits;
    }

    /** What {@link #takeAll} got for one bucket: tokens still to hand out to its keys, and the bucket's tokens left. */
    private record Grant(int left, double tokensLeft) {}

    /** Gives one token back, as when what was counted turned out fine (a sign-in that succeeded). */
    public void giveBack(Rate rate, String key) {
        queries.giveBack(id(rate, key), rate.capacity(), rate.perMicro(), micros(clock.instant()));
    }

    private static String id(Rate rate, String key) {
        return rate.name() + ':' + digest(key);
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

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static Duration atLeastOneSecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private void sweepNowAndThen(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        Thread.ofVirtual().name("rate-limit-sweep").start(() -> {
            try {
                int removed = queries.removeFull(micros(now.minus(SWEEP_MARGIN)), SWEEP_BATCH);
                log.debug("Removed {} refilled rate limit buckets", removed);
            } catch (RuntimeException e) {
                log.info("Could not remove refilled rate limit buckets: {}", e.toString());
            }
        });
    }
}
