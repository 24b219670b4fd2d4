package io.socketchat.bench;

/**
 * Counts of non-negative values (nanoseconds) in log-linear buckets: exact below 128, then 128 buckets per power of
 * two, so any reported percentile is within 1/128 (0.8 %) of the true value. Fixed size, no allocation on record;
 * not thread-safe.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    private double sum;

    public void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
    }

    public long count() {
        return total;
    }

    public long max() {
        return total == 0 ? 0 : max;
    }

    public long min() {
        return total == 0 ? 0 : min;
    }

    public double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /**
     * The value at or below which {@code percentile} % of the recorded values lie: the highest value of that bucket,
     * never above the recorded maximum. 0 when empty.
     */
    public long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        rank = Math.min(Math.max(rank, 1), total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestInBucket(i), max);
            }
        }
        return max;
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        int shift = magnitude - SUB_BITS;
        return (shift + 1) * SUB + (int) ((v >>> shift) - SUB);
    }

    static long lowestInBucket(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        long sub = index % SUB + SUB;
        return sub << shift;
    }

    static long highestInBucket(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        long sub = index % SUB + SUB;
        return ((sub + 1) << shift) - 1;
    }
}
