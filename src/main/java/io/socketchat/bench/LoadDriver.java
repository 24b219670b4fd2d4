package io.socketchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Runs one benchmark on a single thread with one selector, through its phases:
 * {@link Joining} brings the users in, {@link Sending} puts the messages on the wire,
 * {@link Accounting} checks every line that arrives, {@link Progress} reports once a
 * second. This class owns the sockets: it reads, writes and closes them, and every phase
 * is bounded by the time limit.
 */
public final class LoadDriver {

    private enum Phase {

        JOIN, SEND, SETTLE, HOLD, DONE

    }

    private static final int READ_BUFFER = 512 * 1024;

    private final BenchOptions options;

    private final BenchClient[] clients;

    private final BenchMessage codec;

    private final Accounting accounting;

    private final Joining joining;

    private final Sending sending;

    private final Progress progress;

    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);

    private final String runId;

    private Selector selector;

    private Phase phase = Phase.JOIN;

    private long runStart;

    private long now;

    private long joinEnd;

    private long phaseStart;

    private long rssBefore = -1;

    private long rssAfterJoin = -1;

    private boolean timedOut;

    /**
     * @param progress where the progress line goes, or null for none
     * @param inPlace rewrite the progress line with a carriage return (a terminal)
     * instead of one line a second
     */
    public LoadDriver(BenchOptions options, PrintStream progress, boolean inPlace) {
        this.options = options;
        this.clients = new BenchClient[options.clients()];
        String[] names = new String[options.clients()];
        for (int i = 0; i < names.length; i++) {
            names[i] = options.namePrefix() + i;
            clients[i] = new BenchClient(i, names[i], !options.idle() && i >= options.clients() - options.silent());
        }
        this.runId = BenchMessage.newRunId();
        this.codec = new BenchMessage(runId, options.payload(), names);
        this.accounting = new Accounting(clients);
        this.joining = new Joining(options, clients, accounting, this::flush, BenchClient::close);
        this.sending = new Sending(options, clients, codec, accounting, this::flush, this::elapsed);
        this.progress = new Progress(options.quiet() ? null : progress, inPlace);
    }

    public BenchResult run() throws IOException {
        long cpuStart = ProcessProbe.cpuNanos();
        rssBefore = ProcessProbe.rssKb(options.pid());
        runStart = System.nanoTime();
        long deadline = options.timeLimit().toNanos();
        long joinDeadline = Math.min(deadline, options.joinTimeout().toNanos());
        try (Selector opened = Selector.open()) {
            selector = opened;
            while (phase != Phase.DONE) {
                now = elapsed();
                if (now >= deadline) {
                    timedOut = true;
                    break;
                }
                long waitMs = step(joinDeadline);
                if (phase == Phase.DONE) {
                    break;
                }
                if (progress.due(now)) {
                    progress.print(now, phase.name().toLowerCase(Locale.ROOT), joining.joined(), clients.length,
                            sending.sent(), sending.planned(), accounting.fresh,
                            accounting.latency.getValueAtPercentile(99));
                }
                selector.select(this::onKey, Math.max(1, Math.min(waitMs, (deadline - now) / 1_000_000 + 1)));
            }
            now = elapsed();
            if (phase == Phase.JOIN) {
                joining.giveUp("time limit reached");
                joinOver();
            }
            long rssEnd = ProcessProbe.rssKb(options.pid());
            progress.finish(now);
            long cpuEnd = ProcessProbe.cpuNanos();
            double cpu = cpuStart >= 0 && cpuEnd >= 0 && now > 0 ? 100.0 * (cpuEnd - cpuStart) / now : -1;
            return accounting.result(
                    new Accounting.RunFacts(runId, joinEnd, rssBefore, rssAfterJoin, rssEnd, cpu, now, timedOut),
                    joining, sending);
        }
        finally {
            closeAll();
        }
    }

    /** Advances the current phase; returns how long the selector may wait, in ms. */
    private long step(long joinDeadline) {
        switch (phase) {
            case JOIN -> {
                joining.connectMore(selector);
                if (!joining.over() && now >= joinDeadline) {
                    joining.giveUp("not joined within --join-timeout");
                }
                if (joining.over()) {
                    joinOver();
                    startSending();
                    return 1;
                }
                return 10;
            }
            case SEND -> {
                long waitMs = sending.step(now, accounting.lastDelivery);
                if (sending.allSent()) {
                    phase = Phase.SETTLE;
                    phaseStart = now;
                    return 1;
                }
                return waitMs;
            }
            case SETTLE -> {
                if (accounting.outstanding() <= 0
                        || now - Math.max(accounting.lastDelivery, phaseStart) > options.settle().toNanos()) {
                    phase = Phase.DONE;
                }
                return 5;
            }
            case HOLD -> {
                long left = joinEnd + options.hold().toNanos() - now;
                if (left <= 0) {
                    phase = Phase.DONE;
                }
                return Math.max(1, Math.min(100, left / 1_000_000));
            }
            default -> {
                return 1;
            }
        }
    }

    private long elapsed() {
        return System.nanoTime() - runStart;
    }

    /** The join phase ended, all in or not: when, and the server's memory then. */
    private void joinOver() {
        joinEnd = now;
        rssAfterJoin = ProcessProbe.rssKb(options.pid());
    }

    private void startSending() {
        if (options.idle() || joining.joined() == 0) {
            phase = joining.joined() == 0 ? Phase.DONE : Phase.HOLD;
            return;
        }
        sending.start(now);
        phase = Phase.SEND;
        phaseStart = now;
        accounting.lastDelivery = now;
    }

    private void onKey(SelectionKey key) {
        BenchClient c = (BenchClient) key.attachment();
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                c.state = BenchClient.State.JOINING;
                key.interestOps(SelectionKey.OP_READ | (c.out.position() > 0 ? SelectionKey.OP_WRITE : 0));
            }
            if (key.isValid() && key.isWritable()) {
                flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        }
        catch (IOException | RuntimeException e) {
            lost(c, reason(e));
        }
    }

    private void flush(BenchClient c) {
        try {
            c.flush();
        }
        catch (IOException | RuntimeException e) {
            lost(c, reason(e));
        }
    }

    private void read(BenchClient c) throws IOException {
        switch (c.readLines(readBuffer, this::elapsed, this::onLine)) {
            case CLOSED -> lost(c, "closed by the server");
            case LINE_TOO_LONG -> lost(c, "line longer than " + BenchClient.MAX_LINE + " bytes");
            default -> {
                // lines handed on
            }
        }
    }

    private void onLine(BenchClient c, byte[] a, int from, int to, long receivedAt) {
        if (c.state == BenchClient.State.JOINED) {
            if (!c.inHistory && codec.decodeDelivery(a, from, to)) {
                accounting.delivery(c, codec.sender, codec.seq, codec.sentNanos, receivedAt);
            }
            else if (to > from) {
                accounting.textLine(c, a, from, to);
            }
        }
        else if (c.state == BenchClient.State.JOINING) {
            joining.onLine(c, new String(a, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The connection broke or was closed by the server. */
    private void lost(BenchClient c, String reason) {
        switch (c.state) {
            case CONNECTING, JOINING -> joining.fail(c, reason);
            case JOINED -> {
                c.state = BenchClient.State.CLOSED;
                c.failure = reason;
                accounting.dropped(c, reason);
                c.remaining = 0;
                c.close();
            }
            default -> c.close();
        }
    }

    /** Once, at the end of the run, whatever ended it. */
    private void closeAll() {
        for (BenchClient c : clients) {
            if (c.channel != null && c.channel.isOpen()) {
                c.close();
            }
        }
    }

}
