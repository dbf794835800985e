package app.roomwatch.server.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The stream's meters, as {@code roomwatch_stream_*} in {@code /actuator/prometheus}. */
@Component
class StreamMetrics {

    private final AtomicInteger open = new AtomicInteger();
    private final Counter eventsRead;
    private final Counter deliveries;
    private final Counter directDeliveries;
    private final Counter writes;
    private final Counter replayed;
    private final Counter overflowCloses;
    private final Counter rejected;
    private final Counter stalledCloses;
    private final Timer lag;

    StreamMetrics(MeterRegistry registry) {
        registry.gauge("roomwatch.stream.connections", open);
        eventsRead = Counter.builder("roomwatch.stream.events.read")
                .description("Events the hub read from the log (written by any instance)")
                .register(registry);
        deliveries = Counter.builder("roomwatch.stream.deliveries")
                .description("Live events written to a client")
                .register(registry);
        directDeliveries = Counter.builder("roomwatch.stream.deliveries.direct")
                .description("Live events the hub's dispatcher wrote straight to a caught-up stream, without queueing"
                        + " them (counted in deliveries too)")
                .register(registry);
        writes = Counter.builder("roomwatch.stream.writes")
                .description("Writes of live events to clients: each carries every event of its stream that was"
                        + " waiting, so deliveries over writes is how many events a write carries")
                .register(registry);
        replayed = Counter.builder("roomwatch.stream.replayed")
                .description("Events replayed to a reconnecting client")
                .register(registry);
        overflowCloses = Counter.builder("roomwatch.stream.overflow.closes")
                .description("Streams closed because their client fell behind")
                .register(registry);
        stalledCloses = Counter.builder("roomwatch.stream.stalled.closes")
                .description("Streams closed because a write to their client could not complete in time")
                .register(registry);
        rejected = Counter.builder("roomwatch.stream.rejected")
                .description("Stream connections refused by the per-staff limits")
                .register(registry);
        lag = Timer.builder("roomwatch.stream.delivery.lag")
                .description("From an event's emission to its frame being written to the socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    int openConnections() {
        return open.get();
    }

    void read(int events) {
        eventsRead.increment(events);
    }

    void delivered(StoredEvent event, Instant writtenAt) {
        deliveries.increment();
        Duration sinceEmitted = Duration.between(event.envelope().emittedAt(), writtenAt);
        if (!sinceEmitted.isNegative()) {
            lag.record(sinceEmitted);
        }
    }

    /** A delivery written by the hub's dispatcher itself, to a stream that was caught up. */
    void deliveredDirectly(StoredEvent event, Instant writtenAt) {
        directDeliveries.increment();
        delivered(event, writtenAt);
    }

    /** One write of live events to a client, however many it carries. */
    void wrote() {
        writes.increment();
    }

    double deliveries() {
        return deliveries.count();
    }

    double directDeliveries() {
        return directDeliveries.count();
    }

    void replayed(int events) {
        replayed.increment(events);
    }

    void overflowed() {
        overflowCloses.increment();
    }

    double overflowCloses() {
        return overflowCloses.count();
    }

    void stalled() {
        stalledCloses.increment();
    }

    double stalledCloses() {
        return stalledCloses.count();
    }

    void rejected() {
        rejected.increment();
    }
}
