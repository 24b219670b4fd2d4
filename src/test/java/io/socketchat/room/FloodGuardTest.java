package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloodGuardTest {

    private static final long SECOND = 1_000_000_000L;

    private static final long MILLI = 1_000_000L;

    /** How many of {@code attempts} lines sent all at {@code now} pass. */
    private static int passes(FloodGuard guard, long now, int attempts) {
        int passed = 0;
        for (int i = 0; i < attempts; i++) {
            if (guard.tryPass(now)) {
                passed++;
            }
        }
        return passed;
    }

    @Test
    void burstOfTwiceTheRatePassesThenTheNextLineIsRefused() {
        FloodGuard guard = new FloodGuard(20, 0);
        for (int i = 0; i < 40; i++) {
            assertThat(guard.tryPass(0)).as("line %d", i + 1).isTrue();
        }
        assertThat(guard.tryPass(0)).isFalse();
        assertThat(guard.tryPass(0)).isFalse();
    }

    @Test
    void burstIsTwiceTheRateForOtherRatesToo() {
        assertThat(passes(new FloodGuard(1, 0), 0, 10)).isEqualTo(2);
        assertThat(passes(new FloodGuard(7, 0), 0, 100)).isEqualTo(14);
    }

    @Test
    void burstShortlyAfterCreationIsStillTwiceTheRate() {
        FloodGuard guard = new FloodGuard(20, 0);
        assertThat(passes(guard, 49 * MILLI, 100)).isEqualTo(40);
        // one millisecond later: 1/50 of a token earned since the bucket was emptied
        assertThat(guard.tryPass(50 * MILLI)).isFalse();
    }

    @Test
    void burstAfterAFullBucketSatIdleIsStillTwiceTheRate() {
        FloodGuard guard = new FloodGuard(20, 0);
        assertThat(passes(guard, 10 * SECOND, 100)).isEqualTo(40);
        assertThat(passes(guard, 10 * SECOND + 49 * MILLI, 100)).isZero();
        assertThat(passes(guard, 10 * SECOND + 50 * MILLI, 100)).isEqualTo(1);
    }

    @Test
    void refillsAtTheRatePerSecond() {
        FloodGuard guard = new FloodGuard(20, 0);
        passes(guard, 0, 40);
        assertThat(passes(guard, SECOND, 100)).isEqualTo(20);
        assertThat(passes(guard, 2 * SECOND, 100)).isEqualTo(20);
    }

    @Test
    void refillsOneTokenPerIntervalNotBefore() {
        FloodGuard guard = new FloodGuard(20, 0);
        passes(guard, 0, 40);
        assertThat(guard.tryPass(50 * MILLI - 1)).isFalse();
        assertThat(guard.tryPass(50 * MILLI)).isTrue();
        assertThat(guard.tryPass(50 * MILLI)).isFalse();
    }

    @Test
    void partialProgressTowardsATokenIsNotLostByARefusal() {
        FloodGuard guard = new FloodGuard(20, 0);
        passes(guard, 0, 40);
        assertThat(guard.tryPass(30 * MILLI)).isFalse();
        assertThat(guard.tryPass(60 * MILLI)).isTrue(); // 60 ms since empty: one token
        assertThat(guard.tryPass(99 * MILLI)).isFalse();
        assertThat(guard.tryPass(100 * MILLI)).isTrue(); // 100 ms since empty: the second
                                                         // token
    }

    @Test
    void steadySenderAtTheRateIsNeverRefused() {
        FloodGuard guard = new FloodGuard(20, 0);
        for (long t = 0; t < 60 * SECOND; t += 50 * MILLI) {
            assertThat(guard.tryPass(t)).as("at %d ms", t / MILLI).isTrue();
        }
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterALongIdle() {
        FloodGuard guard = new FloodGuard(20, 0);
        passes(guard, 0, 40);
        assertThat(passes(guard, 3600 * SECOND, 1000)).isEqualTo(40);
    }

    @Test
    void neverHoldsMoreThanTheBurstWhenNeverUsed() {
        assertThat(passes(new FloodGuard(20, 0), 3600 * SECOND, 1000)).isEqualTo(40);
    }

    @Test
    void worksWithNegativeNanoTimeValues() {
        long start = Long.MIN_VALUE + 5;
        FloodGuard guard = new FloodGuard(10, start);
        assertThat(passes(guard, start, 100)).isEqualTo(20);
        assertThat(passes(guard, start + SECOND, 100)).isEqualTo(10);
    }

    @Test
    void worksAcrossNanoTimeOverflow() {
        long start = Long.MAX_VALUE - SECOND / 2;
        FloodGuard guard = new FloodGuard(10, start);
        assertThat(passes(guard, start, 100)).isEqualTo(20);
        assertThat(passes(guard, start + SECOND, 100)).isEqualTo(10); // wraps to a
                                                                      // negative value
    }

    @Test
    void rateZeroAlwaysPasses() {
        FloodGuard guard = new FloodGuard(0, 0);
        assertThat(passes(guard, 0, 100_000)).isEqualTo(100_000);
        assertThat(passes(guard, 1, 10)).isEqualTo(10);
    }

}
