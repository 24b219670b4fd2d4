package io.socketchat.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.springframework.data.redis.connection.DefaultStringRedisConnection;

/**
 * The batches of lines Redis acknowledged in the last minute, with their senders: after a
 * switch of primary, the node asks the new primary which of them it holds (their ids are
 * in the room's {@code seen} set, written in the same script as the entries, so both
 * survived or neither), and tells the sender of each lost line. A minute covers a
 * switch-over with Sentinel's default {@code down-after-milliseconds} (30 s); the set
 * keeps ids twice as long, so a clock of the new primary a little ahead of the old one's
 * does not make a kept batch look lost. Older batches are forgotten: a switch-over loses
 * only what the old primary had not yet passed on.
 */
final class LineReceipts {

    /**
     * A batch's id in Redis' {@code seen} set and how many of its lines each sender (by
     * member id) sent.
     */
    record Receipt(String batchId, Map<String, Integer> linesPerSender, long at) {

        int lines() {
            return linesPerSender.values().stream().mapToInt(Integer::intValue).sum();
        }

    }

    /** Redis keeps batch ids twice as long ({@code first_seen} in common.lua). */
    static final long WINDOW_NANOS = 60_000_000_000L;

    /**
     * Batches kept at most, about 150 bytes each: a minute of a node sending 3,000
     * batches a second (one is 1,000 lines a second of many senders, one batch each).
     */
    private static final int MAX = 200_000;

    private final ArrayDeque<Receipt> recent = new ArrayDeque<>();

    private final LongSupplier nanoTime;

    LineReceipts() {
        this(System::nanoTime);
    }

    /**
     * @param nanoTime the clock of {@link System#nanoTime()}, or a test's
     */
    LineReceipts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Redis took the batch whose lines these senders sent (one entry per line). */
    void acknowledged(String batchId, List<String> senders) {
        Map<String, Integer> perSender;
        if (senders.size() == 1) {
            perSender = Map.of(senders.get(0), 1);
        }
        else {
            perSender = new HashMap<>();
            senders.forEach(sender -> perSender.merge(sender, 1, Integer::sum));
        }
        add(new Receipt(batchId, perSender, nanoTime.getAsLong()));
    }

    private synchronized void add(Receipt receipt) {
        forgetOlderThan(receipt.at() - WINDOW_NANOS);
        if (recent.size() >= MAX) {
            recent.pollFirst();
        }
        recent.addLast(receipt);
    }

    synchronized List<Receipt> recent() {
        forgetOlderThan(nanoTime.getAsLong() - WINDOW_NANOS);
        return new ArrayList<>(recent);
    }

    /**
     * Asks the Redis of this connection which recent batches it holds; forgets the others
     * (told once) and counts their lines per sender.
     */
    Map<String, Integer> lostOn(DefaultStringRedisConnection connection) {
        List<Receipt> checked = recent();
        List<String> ids = checked.stream().map(Receipt::batchId).toList();
        Set<String> held = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            List<Double> scores = connection.zMScore(RoomKeys.ROOM.seen(), chunk.toArray(String[]::new));
            for (int i = 0; i < chunk.size(); i++) {
                if (scores.get(i) != null) {
                    held.add(chunk.get(i));
                }
            }
        }
        return lost(checked, checked.stream().map(receipt -> held.contains(receipt.batchId())).toList());
    }

    /**
     * Forgets the lost batches (told once) and counts their lines per sender.
     * @param present for each receipt of {@code checked}, whether Redis holds its batch
     */
    synchronized Map<String, Integer> lost(List<Receipt> checked, List<Boolean> present) {
        Map<String, Integer> perSender = new TreeMap<>();
        // a Redis that lost everything loses every receipt: one pass, not one per receipt
        Set<Receipt> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < checked.size(); i++) {
            if (!present.get(i)) {
                Receipt receipt = checked.get(i);
                gone.add(receipt);
                receipt.linesPerSender().forEach((sender, lines) -> perSender.merge(sender, lines, Integer::sum));
            }
        }
        if (!gone.isEmpty()) {
            recent.removeIf(gone::contains);
        }
        return perSender;
    }

    private void forgetOlderThan(long limit) {
        while (!recent.isEmpty() && recent.peekFirst().at() - limit < 0) {
            recent.pollFirst();
        }
    }

}
