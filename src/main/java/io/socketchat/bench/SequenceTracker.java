package io.socketchat.bench;

import java.util.BitSet;

/**
 * What one receiver has seen of every sender's sequence numbers, to tell fresh, duplicate
 * and out-of-order deliveries apart exactly. Per sender it keeps the contiguous prefix
 * seen ({@code next}: every number below it has arrived), the highest number seen, and
 * only when something arrived ahead of a gap, a bit set of those.
 */
public final class SequenceTracker {

    /** Fresh and not lower than any number seen before from that sender. */
    public static final int IN_ORDER = 0;

    /** Fresh, but a higher number from that sender arrived earlier. */
    public static final int OUT_OF_ORDER = 1;

    /** Seen before. */
    public static final int DUPLICATE = 2;

    private final int[] next;

    private final int[] highest;

    private BitSet[] ahead;

    public SequenceTracker(int senders) {
        next = new int[senders];
        highest = new int[senders];
        java.util.Arrays.fill(highest, -1);
    }

    /** Records {@code seq} (>= 0) from {@code sender} and says what it was. */
    public int record(int sender, int seq) {
        int n = next[sender];
        if (seq < n) {
            return DUPLICATE;
        }
        if (seq == n) {
            n++;
            BitSet b = ahead == null ? null : ahead[sender];
            if (b != null) {
                while (b.get(n)) {
                    b.clear(n);
                    n++;
                }
            }
            next[sender] = n;
        }
        else {
            if (ahead == null) {
                ahead = new BitSet[next.length];
            }
            BitSet b = ahead[sender];
            if (b == null) {
                b = new BitSet();
                ahead[sender] = b;
            }
            if (b.get(seq)) {
                return DUPLICATE;
            }
            b.set(seq);
        }
        if (seq < highest[sender]) {
            return OUT_OF_ORDER;
        }
        highest[sender] = seq;
        return IN_ORDER;
    }

}
