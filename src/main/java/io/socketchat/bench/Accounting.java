package io.socketchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What arrived: every delivery of this run's messages (fresh, duplicated or out of order,
 * and its latency), the lines around them (history, notices, refusals, errors) and who
 * shares a room with whom. From these it tells what each reader is owed.
 */
final class Accounting {

    /**
     * Latency to three significant digits (0.1 %), from nanoseconds to however long a run
     * takes.
     */
    private static final int LATENCY_DIGITS = 3;

    private final BenchClient[] clients;

    private final Map<String, Integer> indexByName = new HashMap<>();

    private final Rooms rooms;

    final Histogram latency = new Histogram(LATENCY_DIGITS);

    long fresh;

    long duplicated;

    long outOfOrder;

    long refused;

    long otherErrors;

    String firstError;

    /** When the last fresh delivery arrived, nanoseconds since the run's start. */
    long lastDelivery;

    int readersDropped;

    final Map<String, Integer> readerDrops = new LinkedHashMap<>();

    Accounting(BenchClient[] clients) {
        this.clients = clients;
        for (BenchClient c : clients) {
            indexByName.put(key(c.name), c.index);
        }
        this.rooms = new Rooms(clients.length);
    }

    /** A user joined: everyone its Hello line lists is in its room. */
    void hello(BenchClient c, String line) {
        for (String name : ProtocolLines.namesOnline(line)) {
            Integer other = indexByName.get(key(name));
            if (other != null) {
                rooms.together(c.index, other);
            }
        }
    }

    void delivery(BenchClient c, int sender, int seq, long sentAt, long receivedAt) {
        switch (c.tracker.record(sender, seq)) {
            case SequenceTracker.DUPLICATE -> {
                duplicated++;
                return;
            }
            case SequenceTracker.OUT_OF_ORDER -> outOfOrder++;
            default -> {
            }
        }
        c.received++;
        fresh++;
        BenchClient from = clients[sender];
        if (seq > from.highestSeen) {
            from.highestSeen = seq;
        }
        lastDelivery = receivedAt;
        latency.recordValue(Math.max(0, receivedAt - sentAt));
    }

    /** Any other line a joined user gets, in {@code a[from, to)}. */
    void textLine(BenchClient c, byte[] a, int from, int to) {
        byte first = a[from];
        if (first == '-') {
            String line = new String(a, from, to - from, StandardCharsets.UTF_8);
            if (ProtocolLines.isHistoryStart(line)) {
                c.inHistory = true;
            }
            else if (line.equals(ProtocolLines.HISTORY_END)) {
                c.inHistory = false;
            }
        }
        else if (c.inHistory) {
            return;
        }
        else if (first == '*') {
            notice(c, a, from, to);
        }
        else if (first == '!') {
            String line = new String(a, from, to - from, StandardCharsets.UTF_8);
            if (line.contains("not sent")) {
                c.refused++;
                refused++;
            }
            else {
                otherErrors++;
                if (firstError == null) {
                    firstError = c.name + " got: " + line;
                }
            }
        }
    }

    private void notice(BenchClient c, byte[] a, int from, int to) {
        String joined = ProtocolLines.noticeName(a, from, to, ProtocolLines.JOINED_END);
        if (joined != null) {
            Integer index = indexByName.get(key(joined));
            if (index != null) {
                rooms.together(c.index, index);
            }
            return;
        }
        String notReading = ProtocolLines.noticeName(a, from, to, ProtocolLines.NOT_READING_END);
        if (notReading != null) {
            Integer index = indexByName.get(key(notReading));
            if (index != null) {
                clients[index].notReadingNotice = true;
            }
        }
    }

    /** A joined user's connection ended before the report. */
    void dropped(BenchClient c, String reason) {
        if (!c.silent) {
            readersDropped++;
            readerDrops.merge(reason, 1, Integer::sum);
        }
    }

    /**
     * For every user: the messages accepted from the users of its room, its own included.
     */
    long[] acceptedInRoom() {
        long[] accepted = new long[clients.length];
        for (BenchClient c : clients) {
            accepted[c.index] = c.accepted();
        }
        return rooms.roomTotals(accepted);
    }

    /** Deliveries owed to {@code reader} and not yet received. */
    static long owed(BenchClient reader, long[] acceptedInRoom) {
        return acceptedInRoom[reader.index] - reader.accepted() - reader.received;
    }

    /** Deliveries still owed to the connected readers. */
    long outstanding() {
        long[] inRoom = acceptedInRoom();
        long owed = 0;
        for (BenchClient r : clients) {
            if (r.reader()) {
                owed += owed(r, inRoom);
            }
        }
        return owed;
    }

    /** What the run itself measured, beside the deliveries. */
    record RunFacts(String runId, long joinNanos, long rssBeforeKb, long rssAfterJoinKb, long rssEndKb,
            double toolCpuPercent, long elapsedNanos, boolean timedOut) {
    }

    /** The figures of the run: what each reader was owed against what it got. */
    BenchResult result(RunFacts run, Joining joining, Sending sending) {
        long[] acceptedInRoom = acceptedInRoom();
        long acceptedTotal = 0;
        long expected = 0;
        long delivered = 0;
        int silent = 0;
        int silentDisconnected = 0;
        int readersNotReading = 0;
        for (BenchClient c : clients) {
            acceptedTotal += c.accepted();
            if (!c.silent && c.notReadingNotice) {
                readersNotReading++;
            }
            if (c.reader()) {
                expected += acceptedInRoom[c.index] - c.accepted();
                delivered += c.received;
            }
            if (c.silent && (c.joined() || c.state == BenchClient.State.CLOSED)) {
                silent++;
                if (c.notReadingNotice) {
                    silentDisconnected++;
                }
            }
        }
        long unconfirmed = sending.sent() - refused - acceptedTotal;
        long span = lastDelivery - sending.startedAt();
        double perSecond = fresh > 0 && span > 0 ? fresh * 1e9 / span : 0;
        boolean any = latency.getTotalCount() > 0;
        return new BenchResult(run.runId(), clients.length, joining.joined(), run.joinNanos(), joining.failures(),
                sending.senders(), sending.sent(), refused, unconfirmed, expected, delivered, duplicated, outOfOrder,
                perSecond, Math.max(0, span), latency.getTotalCount(), latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9), any ? latency.getMaxValue() : 0,
                any ? latency.getMean() : 0, silent, silentDisconnected, readersDropped, Map.copyOf(readerDrops),
                readersNotReading, otherErrors, firstError, run.rssBeforeKb(), run.rssAfterJoinKb(), run.rssEndKb(),
                run.toolCpuPercent(), run.elapsedNanos(), run.timedOut(), sending.stalled());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
