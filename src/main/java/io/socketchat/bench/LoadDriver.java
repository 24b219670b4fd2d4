package io.socketchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one benchmark on a single thread with one selector: joins the clients (a bounded number at a time), sends
 * the messages paced by the aggregate rate or, at full speed, within a window of lines in flight per reader, reads
 * every delivery, then waits for the last deliveries to settle. Every phase is bounded by the time limit.
 */
public final class LoadDriver {

    private enum Phase { JOIN, SEND, SETTLE, HOLD, DONE }

    private static final int READ_BUFFER = 512 * 1024;
    private static final int MAX_LINE = 256 * 1024;
    private static final long PROGRESS_EVERY = 1_000_000_000L;
    private static final String NOT_READING = " was disconnected (not reading)";
    private static final byte[] NOT_READING_BYTES = NOT_READING.getBytes(StandardCharsets.US_ASCII);

    private final BenchOptions options;
    private final PrintStream progress;
    private final boolean progressInPlace;
    private final BenchClient[] clients;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final BenchMessage codec;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final InetSocketAddress address;
    private final int lineBytes;
    private final int outMax;
    private final String runId;

    private Selector selector;
    private long runStart;
    private Phase phase = Phase.JOIN;
    private int nextToConnect;
    private int pendingJoins;
    private int resolved;
    private int joinedCount;
    private long joinEnd;
    private long sendStart;
    private long phaseStart;
    private long lastDelivery;
    private long sentTotal;
    private long refusedTotal;
    private long freshTotal;
    private long duplicated;
    private long outOfOrder;
    private long otherErrors;
    private String firstError;
    private int[] senderIndexes = new int[0];
    private int cursor;
    private long issued;
    private long planned;
    private boolean timedOut;
    private boolean stalled;
    private int readersDropped;
    private final Map<String, Integer> readerDrops = new LinkedHashMap<>();
    private long rssBefore = -1;
    private long rssAfterJoin = -1;
    private long nextProgress;
    private long lastProgressFresh;
    private long lastProgressTime;
    private long nowRel;

    /**
     * @param progress where the progress line goes, or null for none
     * @param inPlace  rewrite the progress line with a carriage return (a terminal) instead of one line a second
     */
    public LoadDriver(BenchOptions options, PrintStream progress, boolean inPlace) {
        this.options = options;
        this.progress = options.quiet() ? null : progress;
        this.progressInPlace = inPlace;
        this.clients = new BenchClient[options.clients()];
        String[] names = new String[options.clients()];
        for (int i = 0; i < names.length; i++) {
            names[i] = options.namePrefix() + i;
            clients[i] = new BenchClient(i, names[i], !options.idle() && i >= options.clients() - options.silent());
            indexByName.put(names[i].toLowerCase(java.util.Locale.ROOT), i);
        }
        this.runId = BenchMessage.newRunId();
        this.codec = new BenchMessage(runId, options.payload(), names);
        this.lineBytes = codec.maxLineBytes();
        this.outMax = Math.max(64 * 1024, 4 * lineBytes);
        this.address = new InetSocketAddress(options.host(), options.port());
    }

    public BenchResult run() throws IOException {
        long cpuStart = ProcessProbe.cpuNanos();
        rssBefore = ProcessProbe.rssKb(options.pid());
        runStart = System.nanoTime();
        long deadline = options.timeLimit().toNanos();
        long joinDeadline = Math.min(deadline, options.joinTimeout().toNanos());
        nextProgress = PROGRESS_EVERY;
        try (Selector sel = Selector.open()) {
            selector = sel;
            while (phase != Phase.DONE) {
                nowRel = System.nanoTime() - runStart;
                if (nowRel >= deadline) {
                    timedOut = true;
                    break;
                }
                long timeoutMs = step(joinDeadline);
                if (phase == Phase.DONE) {
                    break;
                }
                if (nowRel >= nextProgress) {
                    printProgress();
                    nextProgress += PROGRESS_EVERY;
                }
                selector.select(this::onKey, Math.max(1, Math.min(timeoutMs, (deadline - nowRel) / 1_000_000 + 1)));
            }
            nowRel = System.nanoTime() - runStart;
            if (phase == Phase.JOIN) {
                giveUpJoins("time limit reached");
                joinEnd = nowRel;
                rssAfterJoin = ProcessProbe.rssKb(options.pid());
            }
            long rssEnd = ProcessProbe.rssKb(options.pid());
            long elapsed = nowRel;
            finishProgress();
            BenchResult result = result(rssEnd, elapsed, cpuStart);
            closeAll();
            return result;
        } finally {
            closeAll();
        }
    }

    /** Advances the current phase; returns how long the selector may wait, in ms. */
    private long step(long joinDeadline) throws IOException {
        switch (phase) {
            case JOIN -> {
                while (nextToConnect < clients.length && pendingJoins < options.concurrentJoins()) {
                    connect(clients[nextToConnect++]);
                }
                if (resolved < clients.length && nowRel >= joinDeadline) {
                    giveUpJoins("not joined within --join-timeout");
                }
                if (resolved == clients.length) {
                    joinEnd = nowRel;
                    rssAfterJoin = ProcessProbe.rssKb(options.pid());
                    startSending();
                    return 1;
                }
                return 10;
            }
            case SEND -> {
                if (options.rate() > 0) {
                    sendPaced();
                } else {
                    sendWindowed();
                }
                if (allSent()) {
                    phase = Phase.SETTLE;
                    phaseStart = nowRel;
                    return 1;
                }
                return options.rate() > 0 ? 1 : 5;
            }
            case SETTLE -> {
                if (outstanding() <= 0 || nowRel - Math.max(lastDelivery, phaseStart) > options.settle().toNanos()) {
                    phase = Phase.DONE;
                }
                return 5;
            }
            case HOLD -> {
                long left = joinEnd + options.hold().toNanos() - nowRel;
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

    private void startSending() {
        if (options.idle() || joinedCount == 0) {
            phase = joinedCount == 0 ? Phase.DONE : Phase.HOLD;
            return;
        }
        int n = 0;
        int[] senders = new int[clients.length];
        for (BenchClient c : clients) {
            if (c.joined() && !c.silent) {
                c.remaining = options.messages();
                senders[n++] = c.index;
            }
        }
        senderIndexes = java.util.Arrays.copyOf(senders, n);
        planned = (long) n * options.messages();
        phase = Phase.SEND;
        sendStart = nowRel;
        phaseStart = nowRel;
        lastDelivery = nowRel;
    }

    // ---------------------------------------------------------------- joining

    private void connect(BenchClient c) {
        pendingJoins++;
        try {
            SocketChannel ch = SocketChannel.open();
            c.channel = ch;
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (ch.connect(address)) {
                c.state = BenchClient.State.JOINING;
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
            } else {
                c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            fail(c, "connect: " + e.getMessage());
        }
    }

    private void giveUpJoins(String reason) {
        for (BenchClient c : clients) {
            if (c.state == BenchClient.State.CONNECTING || c.state == BenchClient.State.JOINING) {
                fail(c, reason);
            }
        }
        while (nextToConnect < clients.length) {
            BenchClient c = clients[nextToConnect++];
            pendingJoins++;
            fail(c, reason);
        }
    }

    private void fail(BenchClient c, String reason) {
        if (c.state == BenchClient.State.FAILED || c.state == BenchClient.State.JOINED
                || c.state == BenchClient.State.CLOSED) {
            return;
        }
        c.state = BenchClient.State.FAILED;
        c.failure = reason;
        failures.merge(reason, 1, Integer::sum);
        pendingJoins--;
        resolved++;
        close(c);
    }

    private void onJoinLine(BenchClient c, String line) {
        if (line.equals("Password:")) {
            if (options.password() == null) {
                fail(c, "the server asks for a password (--password)");
                return;
            }
            if (!c.passwordSent) {
                c.passwordSent = true;
                c.queueLine(options.password());
                flush(c);
            }
        } else if (line.startsWith("Hello ")) {
            c.state = BenchClient.State.JOINED;
            pendingJoins--;
            resolved++;
            joinedCount++;
            if (c.silent) {
                c.key.interestOps(0);
            } else {
                c.tracker = new SequenceTracker(clients.length);
            }
        } else if (line.startsWith("!")) {
            fail(c, line);
        } else if (!c.nameSent && (line.startsWith("Welcome") || line.contains("username"))) {
            c.nameSent = true;
            c.queueLine(c.name);
            flush(c);
        }
    }

    // ---------------------------------------------------------------- sending

    private void sendPaced() {
        long due = Math.min(planned, (long) ((double) (nowRel - sendStart) * options.rate() / 1e9) + 1);
        while (issued < due) {
            BenchClient c = nextSender();
            if (c == null) {
                return;
            }
            encode(c, 1);
            flush(c);
        }
    }

    private void sendWindowed() {
        long worst = 0;
        boolean anyReader = false;
        long acceptedTotal = acceptedTotal();
        for (BenchClient r : clients) {
            if (r.reader()) {
                anyReader = true;
                long inFlight = acceptedTotal - r.accepted() - r.received;
                if (inFlight > worst) {
                    worst = inFlight;
                }
            }
        }
        long budget = anyReader ? options.window() - worst : Long.MAX_VALUE;
        if (budget <= 0) {
            if (nowRel - lastDelivery > options.settle().toNanos()) {
                stalled = true;
                stopSending();
            }
            return;
        }
        int active = 0;
        for (int i : senderIndexes) {
            if (clients[i].joined() && clients[i].remaining > 0) {
                active++;
            }
        }
        if (active == 0) {
            return;
        }
        long perClient = Math.max(1, budget / active);
        for (int k = 0; k < senderIndexes.length && budget > 0; k++) {
            BenchClient c = clients[senderIndexes[cursor]];
            cursor = (cursor + 1) % senderIndexes.length;
            if (!c.joined() || c.remaining == 0) {
                continue;
            }
            int room = (outMax - c.out.position()) / lineBytes;
            int n = (int) Math.min(Math.min(perClient, budget), Math.min(c.remaining, room));
            if (n > 0) {
                encode(c, n);
                budget -= n;
                flush(c);
            }
        }
    }

    /** The next sender, round robin, that still has messages and room to buffer one. */
    private BenchClient nextSender() {
        for (int k = 0; k < senderIndexes.length; k++) {
            BenchClient c = clients[senderIndexes[cursor]];
            cursor = (cursor + 1) % senderIndexes.length;
            if (c.joined() && c.remaining > 0 && c.out.position() + lineBytes <= outMax) {
                return c;
            }
        }
        return null;
    }

    private void encode(BenchClient c, int n) {
        c.ensureRoom(n * lineBytes, outMax);
        long now = System.nanoTime() - runStart;
        for (int i = 0; i < n; i++) {
            codec.encode(c.out, c.index, c.sent, now);
            c.sent++;
            c.remaining--;
        }
        sentTotal += n;
        issued += n;
    }

    private void stopSending() {
        for (BenchClient c : clients) {
            c.remaining = 0;
        }
    }

    private boolean allSent() {
        for (int i : senderIndexes) {
            BenchClient c = clients[i];
            if (c.joined() && (c.remaining > 0 || c.out.position() > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Deliveries still owed to the connected readers. */
    private long outstanding() {
        long acceptedTotal = acceptedTotal();
        long owed = 0;
        for (BenchClient r : clients) {
            if (r.reader()) {
                owed += acceptedTotal - r.accepted() - r.received;
            }
        }
        return owed;
    }

    private long acceptedTotal() {
        long total = 0;
        for (BenchClient c : clients) {
            total += c.accepted();
        }
        return total;
    }

    // ---------------------------------------------------------------- I/O

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
        } catch (IOException | RuntimeException e) {
            lost(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void flush(BenchClient c) {
        if (c.state == BenchClient.State.FAILED || c.state == BenchClient.State.CLOSED
                || c.state == BenchClient.State.CONNECTING) {
            return;
        }
        try {
            ByteBuffer out = c.out;
            out.flip();
            c.channel.write(out);
            out.compact();
            int base = c.silent && c.joined() ? 0 : SelectionKey.OP_READ;
            int ops = base | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
            if (c.key.interestOps() != ops) {
                c.key.interestOps(ops);
            }
        } catch (IOException | RuntimeException e) {
            lost(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void read(BenchClient c) throws IOException {
        ByteBuffer buf = readBuffer;
        buf.clear();
        if (c.carryLen > 0) {
            buf.put(c.carry, 0, c.carryLen);
        }
        int n = c.channel.read(buf);
        if (n < 0) {
            lost(c, "closed by the server");
            return;
        }
        if (n == 0) {
            return;
        }
        long received = System.nanoTime() - runStart;
        byte[] a = buf.array();
        int limit = buf.position();
        int lineStart = 0;
        for (int i = 0; i < limit; i++) {
            if (a[i] == '\n') {
                int end = i > lineStart && a[i - 1] == '\r' ? i - 1 : i;
                onLine(c, a, lineStart, end, received);
                lineStart = i + 1;
                if (c.state == BenchClient.State.FAILED || c.state == BenchClient.State.CLOSED
                        || (c.silent && c.joined())) {
                    c.carryLen = 0;
                    return;
                }
            }
        }
        int rest = limit - lineStart;
        if (rest > MAX_LINE) {
            lost(c, "line longer than " + MAX_LINE + " bytes");
            return;
        }
        c.keepCarry(a, lineStart, rest);
    }

    private void onLine(BenchClient c, byte[] a, int from, int to, long receivedAt) {
        if (c.state == BenchClient.State.JOINED) {
            if (!c.inHistory && codec.decodeDelivery(a, from, to)) {
                delivery(c, codec.sender, codec.seq, codec.sentNanos, receivedAt);
            } else if (to > from) {
                joinedTextLine(c, a, from, to);
            }
        } else if (c.state == BenchClient.State.JOINING) {
            onJoinLine(c, new String(a, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private void delivery(BenchClient c, int sender, int seq, long sentAt, long receivedAt) {
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
        freshTotal++;
        BenchClient from = clients[sender];
        if (seq > from.highestSeen) {
            from.highestSeen = seq;
        }
        lastDelivery = receivedAt;
        latency.record(receivedAt - sentAt);
    }

    private void joinedTextLine(BenchClient c, byte[] a, int from, int to) {
        byte first = a[from];
        if (first == '-') {
            String line = new String(a, from, to - from, StandardCharsets.UTF_8);
            if (line.startsWith("-- last ") && line.endsWith(" messages --")) {
                c.inHistory = true;
            } else if (line.equals("-- end of history --")) {
                c.inHistory = false;
            }
        } else if (c.inHistory) {
            return;
        } else if (first == '*' && endsWith(a, from, to, NOT_READING_BYTES)) {
            String name = new String(a, from + 2, to - from - 2 - NOT_READING_BYTES.length, StandardCharsets.UTF_8);
            Integer index = indexByName.get(name.toLowerCase(java.util.Locale.ROOT));
            if (index != null) {
                clients[index].notReadingNotice = true;
            }
        } else if (first == '!') {
            String line = new String(a, from, to - from, StandardCharsets.UTF_8);
            if (line.contains("not sent")) {
                c.refused++;
                refusedTotal++;
            } else {
                otherErrors++;
                if (firstError == null) {
                    firstError = c.name + " got: " + line;
                }
            }
        }
    }

    private static boolean endsWith(byte[] a, int from, int to, byte[] suffix) {
        if (to - from < suffix.length + 3) {
            return false;
        }
        int start = to - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (a[start + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The connection broke or was closed by the server. */
    private void lost(BenchClient c, String reason) {
        switch (c.state) {
            case CONNECTING, JOINING -> fail(c, reason);
            case JOINED -> {
                c.state = BenchClient.State.CLOSED;
                c.failure = reason;
                if (!c.silent) {
                    readersDropped++;
                    readerDrops.merge(reason, 1, Integer::sum);
                }
                c.remaining = 0;
                close(c);
            }
            default -> close(c);
        }
    }

    private void close(BenchClient c) {
        if (c.key != null) {
            c.key.cancel();
        }
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void closeAll() {
        for (BenchClient c : clients) {
            if (c.channel != null && c.channel.isOpen()) {
                close(c);
            }
        }
    }

    // ---------------------------------------------------------------- output

    private void printProgress() {
        if (progress == null) {
            return;
        }
        long dt = nowRel - lastProgressTime;
        double perSecond = dt > 0 ? (freshTotal - lastProgressFresh) * 1e9 / dt : 0;
        lastProgressFresh = freshTotal;
        lastProgressTime = nowRel;
        String line = String.format(java.util.Locale.ROOT,
                "[%5.1fs] %-6s joined %d/%d  sent %,d/%,d  delivered %,d (%,.0f/s)  p99 %s ms",
                nowRel / 1e9, phase.name().toLowerCase(java.util.Locale.ROOT), joinedCount, clients.length,
                sentTotal, planned, freshTotal, perSecond, ReportPrinter.millis(latency.percentile(99)));
        if (progressInPlace) {
            progress.print("\r" + line + "   ");
        } else {
            progress.println(line);
        }
        progress.flush();
    }

    private void finishProgress() {
        if (progress != null && progressInPlace && nowRel >= PROGRESS_EVERY) {
            progress.println();
        }
    }

    private BenchResult result(long rssEnd, long elapsed, long cpuStart) {
        long expected = 0;
        long delivered = 0;
        long acceptedTotal = acceptedTotal();
        long unconfirmed = sentTotal - refusedTotal - acceptedTotal;
        int silent = 0;
        int silentDisconnected = 0;
        int readersNotReading = 0;
        for (BenchClient c : clients) {
            if (!c.silent && c.notReadingNotice) {
                readersNotReading++;
            }
            if (c.reader()) {
                expected += acceptedTotal - c.accepted();
                delivered += c.received;
            }
            if (c.silent && (c.joined() || c.state == BenchClient.State.CLOSED)) {
                silent++;
                if (c.notReadingNotice) {
                    silentDisconnected++;
                }
            }
        }
        long span = lastDelivery - sendStart;
        double perSecond = freshTotal > 0 && span > 0 ? freshTotal * 1e9 / span : 0;
        long cpuEnd = ProcessProbe.cpuNanos();
        double cpu = cpuStart >= 0 && cpuEnd >= 0 && elapsed > 0 ? 100.0 * (cpuEnd - cpuStart) / elapsed : -1;
        return new BenchResult(runId, clients.length, joinedCount,
                joinEnd, Map.copyOf(failures), senderIndexes.length, sentTotal, refusedTotal, unconfirmed, expected, delivered,
                duplicated, outOfOrder, perSecond, Math.max(0, span), latency.count(), latency.percentile(50),
                latency.percentile(99), latency.percentile(99.9), latency.max(), latency.mean(), silent,
                silentDisconnected, readersDropped, Map.copyOf(readerDrops), readersNotReading, otherErrors, firstError, rssBefore, rssAfterJoin, rssEnd, cpu,
                elapsed, timedOut, stalled);
    }
}
