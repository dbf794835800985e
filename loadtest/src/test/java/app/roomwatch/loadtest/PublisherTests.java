package app.roomwatch.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublisherTests {

    @Test
    void publishesAtTheRateItWasGiven() {
        var calls = new AtomicInteger();
        var publisher = new Publisher(
                () -> {
                    calls.incrementAndGet();
                    return CompletableFuture.completedFuture(2);
                },
                10);

        Publisher.Outcome outcome = publisher.run(50, Duration.ofSeconds(1));

        assertThat(calls.get()).isEqualTo(50);
        assertThat(outcome.accepted()).isEqualTo(50);
        assertThat(outcome.expectedPerStream()).isEqualTo(100);
        assertThat(outcome.seconds()).isBetween(0.9, 1.5);
    }

    @Test
    void skipsAndCountsWhenTheTargetStopsAnswering() {
        var publisher = new Publisher(CompletableFuture::new, 3, Duration.ofMillis(100));

        Publisher.Outcome outcome = publisher.run(100, Duration.ofMillis(200));

        assertThat(outcome.attempted()).isEqualTo(20);
        assertThat(outcome.skipped()).isEqualTo(17);
        assertThat(outcome.accepted()).isZero();
    }

    @Test
    void aPublishThatCannotBeSentIsNotAcceptedAndTheRunGoesOn() {
        var calls = new AtomicInteger();
        var publisher = new Publisher(
                () -> {
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new IllegalStateException("no route");
                    }
                    return CompletableFuture.completedFuture(1);
                },
                10);

        Publisher.Outcome outcome = publisher.run(40, Duration.ofMillis(500));

        assertThat(calls.get()).isEqualTo(20);
        assertThat(outcome.accepted()).isEqualTo(10);
    }
}
