package io.socketchat.room;

/**
 * A token bucket: {@code rate} lines a second, bursts of twice that. Not thread-safe: one
 * user's lines are handled one at a time.
 */
public final class FloodGuard {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;

    private final long nanosPerToken;

    private long tokens;

    private long lastRefill;

    public FloodGuard(int ratePerSecond, long nowNanos) {
        this.capacity = 2L * ratePerSecond;
        this.nanosPerToken = ratePerSecond == 0 ? 0 : NANOS_PER_SECOND / ratePerSecond;
        this.tokens = capacity;
        this.lastRefill = nowNanos;
    }

    /**
     * @return true when the line may pass (always, when the rate is 0)
     */
    public boolean tryPass(long nowNanos) {
        if (nanosPerToken == 0) {
            return true;
        }
        long earned = (nowNanos - lastRefill) / nanosPerToken;
        if (earned > 0) {
            tokens = Math.min(capacity, tokens + earned);
            lastRefill += earned * nanosPerToken;
        }
        if (tokens == capacity) {
            // a full bucket earns nothing: the next token starts from now
            lastRefill = nowNanos;
        }
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }

}
