package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LineReceiptsTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private final LineReceipts receipts = new LineReceipts(now::get);

    @Test
    void theLostLinesAreCountedPerSenderAndToldOnce() {
        receipts.acknowledged("n-b1", List.of("alice"));
        receipts.acknowledged("n-b2", List.of("bob", "alice", "bob"));
        receipts.acknowledged("n-b3", List.of("alice"));
        List<LineReceipts.Receipt> checked = receipts.recent();
        assertThat(checked).extracting(LineReceipts.Receipt::batchId).containsExactly("n-b1", "n-b2", "n-b3");
        assertThat(checked).extracting(LineReceipts.Receipt::lines).containsExactly(1, 3, 1);

        Map<String, Integer> lost = receipts.lost(checked, List.of(true, false, false));

        assertThat(lost).containsExactly(Map.entry("alice", 2), Map.entry("bob", 2));
        assertThat(receipts.recent()).extracting(LineReceipts.Receipt::batchId).containsExactly("n-b1");
        assertThat(receipts.lost(receipts.recent(), List.of(true))).isEmpty();
    }

    @Test
    void nothingLostNothingTold() {
        receipts.acknowledged("n-b1", List.of("alice"));
        assertThat(receipts.lost(receipts.recent(), List.of(true))).isEmpty();
        assertThat(receipts.recent()).hasSize(1);
    }

    @Test
    void aBatchIsCheckedForAMinuteAfterRedisTookIt() {
        receipts.acknowledged("n-b1", List.of("alice"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        receipts.acknowledged("n-b2", List.of("bob"));

        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertThat(receipts.recent()).extracting(LineReceipts.Receipt::batchId).containsExactly("n-b1", "n-b2");

        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(receipts.recent()).extracting(LineReceipts.Receipt::batchId).containsExactly("n-b2");
    }

    @Test
    void aRedisThatLostEverythingTellsEverySenderOfEveryLine() {
        for (int i = 0; i < 50_000; i++) {
            receipts.acknowledged("n-b" + i, List.of(i % 2 == 0 ? "alice" : "bob"));
        }
        List<LineReceipts.Receipt> checked = receipts.recent();

        Map<String, Integer> lost = receipts.lost(checked, Collections.nCopies(checked.size(), false));

        assertThat(lost).containsExactly(Map.entry("alice", 25_000), Map.entry("bob", 25_000));
        assertThat(receipts.recent()).isEmpty();
    }

}
