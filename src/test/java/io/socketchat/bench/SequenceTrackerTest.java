package io.socketchat.bench;

import static io.socketchat.bench.SequenceTracker.DUPLICATE;
import static io.socketchat.bench.SequenceTracker.IN_ORDER;
import static io.socketchat.bench.SequenceTracker.OUT_OF_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void inOrderDeliveriesAreFresh() {
        SequenceTracker t = new SequenceTracker(2);
        for (int i = 0; i < 100; i++) {
            assertThat(t.record(0, i)).isEqualTo(IN_ORDER);
            assertThat(t.record(1, i)).isEqualTo(IN_ORDER);
        }
    }

    @Test
    void aRepeatIsADuplicateWhetherBeforeOrAheadOfAGap() {
        SequenceTracker t = new SequenceTracker(1);
        t.record(0, 0);
        t.record(0, 1);
        assertThat(t.record(0, 1)).isEqualTo(DUPLICATE);
        assertThat(t.record(0, 5)).isEqualTo(IN_ORDER);
        assertThat(t.record(0, 5)).isEqualTo(DUPLICATE);
        assertThat(t.record(0, 0)).isEqualTo(DUPLICATE);
    }

    @Test
    void aLowerNumberAfterAHigherOneIsOutOfOrderOnceAndThenADuplicate() {
        SequenceTracker t = new SequenceTracker(1);
        assertThat(t.record(0, 0)).isEqualTo(IN_ORDER);
        assertThat(t.record(0, 2)).isEqualTo(IN_ORDER);
        assertThat(t.record(0, 3)).isEqualTo(IN_ORDER);
        assertThat(t.record(0, 1)).isEqualTo(OUT_OF_ORDER);
        assertThat(t.record(0, 1)).isEqualTo(DUPLICATE);
        assertThat(t.record(0, 2)).isEqualTo(DUPLICATE);
        assertThat(t.record(0, 4)).isEqualTo(IN_ORDER);
    }

    @Test
    void sendersAreTrackedApart() {
        SequenceTracker t = new SequenceTracker(2);
        t.record(0, 0);
        t.record(0, 1);
        assertThat(t.record(1, 0)).isEqualTo(IN_ORDER);
        assertThat(t.record(1, 0)).isEqualTo(DUPLICATE);
    }

}
