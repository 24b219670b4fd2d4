package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Waiting until the reader has applied a stream entry. */
class ProgressTest {

    private final Progress progress = new Progress();

    @Test
    void anEntryAlreadyAppliedNeedsNoWaitAndIdsCompareAsNumbers() throws Exception {
        progress.advanced("1700000000010-2");
        assertThat(progress.await("1700000000010-2", 0)).isTrue();
        assertThat(progress.await("1700000000009-99", 0)).isTrue();
        assertThat(progress.await("1700000000010-10", 0)).isFalse();
        assertThat(progress.await("1700000000011-0", 0)).isFalse();
        // an older id never moves it back
        progress.advanced("1700000000001-0");
        assertThat(progress.await("1700000000010-2", 0)).isTrue();
    }

    @Test
    void aWaiterWakesWhenTheReaderFinishesTheBatchWithItsEntry() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return progress.await("5-1", 10_000);
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        progress.advanced("5-0");
        progress.batchDone();
        progress.advanced("5-1");
        progress.batchDone();
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
    }

}
