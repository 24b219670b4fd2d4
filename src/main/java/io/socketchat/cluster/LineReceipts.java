package io.socketchat.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.data.redis.connection.DefaultStringRedisConnection;

/**
 * The lines Redis acknowledged in the last seconds, with their senders: after a switch of
 * primary, the node asks the new primary which of them it holds (their ids are in the
 * room's {@code seen} set, written in the same script as the entry, so both survived or
 * neither), and tells the sender of each lost one. Lines older than the window are
 * forgotten: a switch-over loses only what the old primary had not yet passed on.
 */
final class LineReceipts {

    /**
     * A line's id in Redis' {@code seen} set (its batch's, for a line that went in a
     * batch) and its sender's member id.
     */
    record Receipt(String lineId, String senderId, long at) {
    }

    private static final long WINDOW_NANOS = 10_000_000_000L;

    private static final int MAX = 200_000;

    private final ArrayDeque<Receipt> recent = new ArrayDeque<>();

    synchronized void acknowledged(String lineId, String senderId) {
        long now = System.nanoTime();
        forgetOlderThan(now - WINDOW_NANOS);
        if (recent.size() >= MAX) {
            recent.pollFirst();
        }
        recent.addLast(new Receipt(lineId, senderId, now));
    }

    synchronized List<Receipt> recent() {
        forgetOlderThan(System.nanoTime() - WINDOW_NANOS);
        return new ArrayList<>(recent);
    }

    /**
     * Asks the Redis of this connection which recent lines it holds; forgets the others
     * (told once) and counts them per sender.
     */
    Map<String, Integer> lostOn(DefaultStringRedisConnection connection) {
        List<Receipt> checked = recent();
        // the lines of one batch share its id: ask for each id once
        List<String> ids = checked.stream().map(Receipt::lineId).distinct().toList();
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
        return lost(checked, checked.stream().map(receipt -> held.contains(receipt.lineId())).toList());
    }

    /**
     * Forgets the lost lines (told once) and counts them per sender.
     * @param present for each receipt of {@code checked}, whether Redis holds its line
     */
    synchronized Map<String, Integer> lost(List<Receipt> checked, List<Boolean> present) {
        Map<String, Integer> perSender = new TreeMap<>();
        for (int i = 0; i < checked.size(); i++) {
            if (!present.get(i)) {
                Receipt receipt = checked.get(i);
                recent.remove(receipt);
                perSender.merge(receipt.senderId(), 1, Integer::sum);
            }
        }
        return perSender;
    }

    private void forgetOlderThan(long limit) {
        while (!recent.isEmpty() && recent.peekFirst().at() - limit < 0) {
            recent.pollFirst();
        }
    }

}
