package io.socketchat.bench;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Puts the messages on the wire: paced by the aggregate {@code --rate}, or at full speed
 * within a window of lines in flight towards the slowest reader, senders taken round
 * robin. Nothing here waits: lines go into each sender's buffer and the driver flushes
 * them.
 */
final class Sending {

    private final BenchOptions options;

    private final BenchClient[] clients;

    private final BenchMessage codec;

    private final Accounting accounting;

    private final Consumer<BenchClient> flush;

    /** Nanoseconds since the run's start: the send time written into each message. */
    private final LongSupplier clock;

    private final int lineBytes;

    /** Most bytes buffered for one sender. */
    private final int outMax;

    private int[] senders = new int[0];

    private int cursor;

    private long planned;

    private long sent;

    private long start;

    private boolean stalled;

    Sending(BenchOptions options, BenchClient[] clients, BenchMessage codec, Accounting accounting,
            Consumer<BenchClient> flush, LongSupplier clock) {
        this.options = options;
        this.clients = clients;
        this.codec = codec;
        this.accounting = accounting;
        this.flush = flush;
        this.clock = clock;
        this.lineBytes = codec.maxLineBytes();
        this.outMax = Math.max(64 * 1024, 4 * lineBytes);
    }

    /** The joined users that read become the senders. */
    void start(long now) {
        int n = 0;
        int[] chosen = new int[clients.length];
        for (BenchClient c : clients) {
            if (c.joined() && !c.silent) {
                c.remaining = options.messages();
                chosen[n++] = c.index;
            }
        }
        senders = Arrays.copyOf(chosen, n);
        planned = (long) n * options.messages();
        start = now;
    }

    /**
     * Sends what is due now; returns how long the driver may wait before the next call,
     * in ms.
     */
    long step(long now, long lastDelivery) {
        if (options.rate() > 0) {
            sendPaced(now);
            return 1;
        }
        sendWindowed(now, lastDelivery);
        return 5;
    }

    private void sendPaced(long now) {
        long due = Math.min(planned, (long) ((double) (now - start) * options.rate() / 1e9) + 1);
        while (sent < due) {
            BenchClient c = nextSender();
            if (c == null) {
                return;
            }
            encode(c, 1);
            flush.accept(c);
        }
    }

    private void sendWindowed(long now, long lastDelivery) {
        long[] inRoom = accounting.acceptedInRoom();
        long worst = 0;
        boolean anyReader = false;
        for (BenchClient r : clients) {
            if (r.reader()) {
                anyReader = true;
                worst = Math.max(worst, Accounting.owed(r, inRoom));
            }
        }
        long budget = anyReader ? options.window() - worst : Long.MAX_VALUE;
        if (budget <= 0) {
            if (now - lastDelivery > options.settle().toNanos()) {
                stalled = true;
                stop();
            }
            return;
        }
        int active = 0;
        for (int i : senders) {
            if (clients[i].joined() && clients[i].remaining > 0) {
                active++;
            }
        }
        if (active == 0) {
            return;
        }
        long perClient = Math.max(1, budget / active);
        for (int k = 0; k < senders.length && budget > 0; k++) {
            BenchClient c = clients[senders[cursor]];
            cursor = (cursor + 1) % senders.length;
            if (!c.joined() || c.remaining == 0) {
                continue;
            }
            int room = (outMax - c.out.position()) / lineBytes;
            int n = (int) Math.min(Math.min(perClient, budget), Math.min(c.remaining, room));
            if (n > 0) {
                encode(c, n);
                budget -= n;
                flush.accept(c);
            }
        }
    }

    /** The next sender, round robin, that still has messages and room to buffer one. */
    private BenchClient nextSender() {
        for (int k = 0; k < senders.length; k++) {
            BenchClient c = clients[senders[cursor]];
            cursor = (cursor + 1) % senders.length;
            if (c.joined() && c.remaining > 0 && c.out.position() + lineBytes <= outMax) {
                return c;
            }
        }
        return null;
    }

    private void encode(BenchClient c, int n) {
        c.ensureRoom(n * lineBytes, outMax);
        long now = clock.getAsLong();
        for (int i = 0; i < n; i++) {
            codec.encode(c.out, c.index, c.sent, now);
            c.sent++;
            c.remaining--;
        }
        sent += n;
    }

    /** Deliveries stopped coming: nobody sends any more. */
    private void stop() {
        for (BenchClient c : clients) {
            c.remaining = 0;
        }
    }

    /** Every message is on the wire (or its sender gone). */
    boolean allSent() {
        for (int i : senders) {
            BenchClient c = clients[i];
            if (c.joined() && (c.remaining > 0 || c.out.position() > 0)) {
                return false;
            }
        }
        return true;
    }

    int senders() {
        return senders.length;
    }

    long planned() {
        return planned;
    }

    long sent() {
        return sent;
    }

    long startedAt() {
        return start;
    }

    boolean stalled() {
        return stalled;
    }

}
