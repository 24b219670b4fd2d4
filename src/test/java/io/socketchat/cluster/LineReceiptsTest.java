package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LineReceiptsTest {

    private final LineReceipts receipts = new LineReceipts();

    @Test
    void theLostLinesAreCountedPerSenderAndToldOnce() {
        receipts.acknowledged("n-1", "alice");
        receipts.acknowledged("n-2", "bob");
        receipts.acknowledged("n-3", "alice");
        receipts.acknowledged("n-4", "alice");
        List<LineReceipts.Receipt> checked = receipts.recent();
        assertThat(checked).extracting(LineReceipts.Receipt::lineId).containsExactly("n-1", "n-2", "n-3", "n-4");

        Map<String, Integer> lost = receipts.lost(checked, List.of(true, false, false, false));

        assertThat(lost).containsExactly(Map.entry("alice", 2), Map.entry("bob", 1));
        assertThat(receipts.recent()).extracting(LineReceipts.Receipt::lineId).containsExactly("n-1");
    }

    @Test
    void nothingLostNothingTold() {
        receipts.acknowledged("n-1", "alice");
        assertThat(receipts.lost(receipts.recent(), List.of(true))).isEmpty();
        assertThat(receipts.recent()).hasSize(1);
    }

}
