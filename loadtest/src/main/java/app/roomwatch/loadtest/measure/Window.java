package app.roomwatch.loadtest.measure;

import java.util.concurrent.atomic.LongAdder;

/** What the streams received during one measured step: how many deliveries and how late they were. */
public final class Window {

    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder deliveries = new LongAdder();
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;

    /** Records one delivery, {@code latencyMicros} after it was emitted (negative: unknown, counted only). */
    public void delivered(long latencyMicros) {
        deliveries.increment();
        if (latencyMicros >= 0) {
            latency.record(latencyMicros);
        }
    }

    public void close() {
        endNanos = System.nanoTime();
    }

    public LatencyHistogram latency() {
        return latency;
    }

    public long deliveries() {
        return deliveries.sum();
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    public double deliveriesPerSecond() {
        double s = seconds();
        return s <= 0 ? 0 : deliveries() / s;
    }
}
