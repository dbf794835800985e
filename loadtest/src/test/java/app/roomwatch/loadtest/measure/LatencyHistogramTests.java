package app.roomwatch.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramTests {

    @Test
    void percentilesOfAUniformSpreadAreWithinTwoPercent() {
        var histogram = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            histogram.record(v);
        }

        assertThat(histogram.count()).isEqualTo(100_000);
        assertThat((double) histogram.percentileMicros(0.50)).isCloseTo(50_000, within(1_000.0));
        assertThat((double) histogram.percentileMicros(0.99)).isCloseTo(99_000, within(1_980.0));
        assertThat(histogram.percentileMicros(1.0)).isEqualTo(100_000);
        assertThat(histogram.maxMicros()).isEqualTo(100_000);
    }

    @Test
    void smallValuesAreExactAndNegativeOnesCountAsZero() {
        var histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(3);
        histogram.record(3);
        histogram.record(40);

        assertThat(histogram.percentileMicros(0.25)).isZero();
        assertThat(histogram.percentileMicros(0.5)).isEqualTo(3);
        assertThat(histogram.percentileMicros(1.0)).isEqualTo(40);
    }

    @Test
    void bucketsAreOrderedAndCoverHugeValues() {
        long previous = -1;
        for (long v : new long[] {0, 63, 64, 65, 127, 128, 1_000, 1_000_000, 3_600_000_000L, Long.MAX_VALUE}) {
            long lower = LatencyHistogram.lowerBoundOf(LatencyHistogram.indexOf(v));
            assertThat(lower).isLessThanOrEqualTo(v).isGreaterThanOrEqualTo(previous);
            previous = lower;
        }
    }

    @Test
    void concurrentRecordersLoseNothing() throws InterruptedException {
        var histogram = new LatencyHistogram();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50_000; i++) {
                    histogram.record(i % 5_000);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(histogram.count()).isEqualTo(200_000);
    }

    @Test
    void addCombinesTwoHistograms() {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.record(10);
        b.record(20_000);

        a.add(b);

        assertThat(a.count()).isEqualTo(2);
        assertThat(a.maxMicros()).isEqualTo(20_000);
    }
}
