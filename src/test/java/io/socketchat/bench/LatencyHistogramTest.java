package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);
        }

        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.percentile(50)).isCloseTo(50_000_000, within(500_000.0));
        assertThat((double) h.percentile(99)).isCloseTo(99_000_000, within(990_000.0));
        assertThat((double) h.percentile(99.9)).isCloseTo(99_900_000, within(999_000.0));
        assertThat(h.percentile(100)).isEqualTo(100_000_000);
        assertThat(h.max()).isEqualTo(100_000_000);
        assertThat(h.min()).isEqualTo(1_000);
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(3);
        h.record(3);
        h.record(100);

        assertThat(h.percentile(50)).isEqualTo(3);
        assertThat(h.percentile(99)).isEqualTo(100);
    }

    @Test
    void bucketsAreContiguousAndCoverEveryValue() {
        for (int i = 1; i < 57 * 128 - 1; i++) {
            assertThat(LatencyHistogram.lowestInBucket(i)).isEqualTo(LatencyHistogram.highestInBucket(i - 1) + 1);
        }
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1L << 40, Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertThat(v).isBetween(LatencyHistogram.lowestInBucket(i), LatencyHistogram.highestInBucket(i));
        }
    }

    @Test
    void negativeValuesCountAsZeroAndEmptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        h.record(-5);
        assertThat(h.max()).isZero();
        assertThat(h.count()).isEqualTo(1);
    }
}
