package app.roomwatch.loadtest.measure;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of latencies in microseconds: 64 linear steps per power of two, so any
 * percentile it reports is within about 1.6 % of the true value, from 1 µs up to days, in 2,300 counters.
 * Many reader threads record into one instance at once; nothing allocates on the recording path.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 42;
    private static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one latency; negative values (clock steps) count as zero. */
    public void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(indexOf(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    public long count() {
        return total.get();
    }

    public long maxMicros() {
        return max.get();
    }

    /**
     * The value below which the given share of recordings lie, in microseconds (the middle of its bucket, capped at
     * the largest value seen), or 0 when nothing was recorded.
     *
     * @param quantile between 0 and 1, e.g. 0.99
     */
    public long percentileMicros(double quantile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        if (rank >= n) {
            return max.get();
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(middleOf(i), max.get());
            }
        }
        return max.get();
    }

    /** Adds another histogram's counts to this one (to combine per-step windows into a scenario total). */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        total.addAndGet(other.total.get());
        max.accumulateAndGet(other.max.get(), Math::max);
    }

    static int indexOf(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(value), MAX_EXPONENT);
        if (exponent == MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) ((value >>> (exponent - SUB_BITS)) & (SUB - 1));
        return (exponent - SUB_BITS + 1) * SUB + sub;
    }

    static long lowerBoundOf(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = index / SUB + SUB_BITS - 1;
        long sub = index % SUB;
        return (SUB + sub) << (exponent - SUB_BITS);
    }

    private static long middleOf(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = index / SUB + SUB_BITS - 1;
        return lowerBoundOf(index) + ((1L << (exponent - SUB_BITS)) >> 1);
    }
}
