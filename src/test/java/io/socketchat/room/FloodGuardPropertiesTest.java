package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * FloodGuard against an exact token bucket: {@code rate} tokens a second earned
 * continuously, at most {@code 2 * rate} held, a line passes when a whole token is there.
 * Rates that divide a second evenly, so the guard's whole-nanosecond arithmetic can match
 * the model exactly.
 */
class FloodGuardPropertiesTest {

    private static final long SECOND = 1_000_000_000L;

    @Provide
    Arbitrary<Integer> rates() {
        return Arbitraries.of(1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 1000);
    }

    @Provide
    Arbitrary<List<Long>> gaps() {
        // many zero gaps (bursts), some small, some long idles
        return Arbitraries
            .frequencyOf(Tuple.of(5, Arbitraries.just(0L)), Tuple.of(4, Arbitraries.longs().between(1, SECOND / 10)),
                    Tuple.of(1, Arbitraries.longs().between(1, 5 * SECOND)))
            .list()
            .ofMinSize(1)
            .ofMaxSize(300);
    }

    /** Exact model, counting in units of 1/(rate * 1e9) of a token. */
    private static final class Bucket {

        private final int rate;

        private final long capacity;

        private long level;

        private long last;

        Bucket(int rate, long now) {
            this.rate = rate;
            this.capacity = 2L * rate * SECOND;
            this.level = capacity;
            this.last = now;
        }

        boolean tryPass(long now) {
            level = Math.min(capacity, level + (now - last) * rate);
            last = now;
            if (level < SECOND) {
                return false;
            }
            level -= SECOND;
            return true;
        }

    }

    @Property
    void passesExactlyTheLinesAnExactTokenBucketPasses(@ForAll("rates") int rate, @ForAll("gaps") List<Long> gaps,
            @ForAll long start) {
        FloodGuard guard = new FloodGuard(rate, start);
        Bucket model = new Bucket(rate, start);
        long now = start;
        for (int i = 0; i < gaps.size(); i++) {
            now += gaps.get(i);
            boolean passed = guard.tryPass(now);
            boolean expected = model.tryPass(now);
            if (passed != expected) {
                assertThat(passed).as("line %d at +%d ns", i + 1, now - start).isEqualTo(expected);
            }
        }
    }

    @Property
    void noWindowPassesMoreThanTheBurstPlusWhatTheRateEarnsInIt(@ForAll("rates") int rate,
            @ForAll("gaps") List<Long> gaps) {
        FloodGuard guard = new FloodGuard(rate, 0);
        long[] times = new long[gaps.size()];
        boolean[] passed = new boolean[gaps.size()];
        long now = 0;
        for (int i = 0; i < gaps.size(); i++) {
            now += gaps.get(i);
            times[i] = now;
            passed[i] = guard.tryPass(now);
        }
        for (int from = 0; from < times.length; from++) {
            int count = 0;
            for (int to = from; to < times.length; to++) {
                if (passed[to]) {
                    count++;
                }
                long allowed = 2L * rate + (times[to] - times[from]) * rate / SECOND;
                if (count > allowed) {
                    assertThat(count).as("lines passed from line %d to line %d", from + 1, to + 1)
                        .isLessThanOrEqualTo((int) allowed);
                }
            }
        }
    }

    @Property(tries = 50)
    void rateZeroPassesEverything(@ForAll @Size(max = 200) List<@LongRange(min = 0, max = SECOND) Long> gaps) {
        FloodGuard guard = new FloodGuard(0, 0);
        long now = 0;
        for (long gap : gaps) {
            now += gap;
            assertThat(guard.tryPass(now)).isTrue();
        }
    }

}
