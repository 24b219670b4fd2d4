package io.socketchat.bench;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings the users in, a bounded number at a time, each like a person would: the welcome
 * line, {@code Password:} if asked, its username, the {@code Hello} line. A user the
 * server turns away or that is not in by the deadline counts as not joined, with the
 * reason.
 */
final class Joining {

    private final BenchOptions options;

    private final BenchClient[] clients;

    private final Accounting accounting;

    private final Consumer<BenchClient> flush;

    private final Consumer<BenchClient> close;

    private final Map<String, Integer> failures = new LinkedHashMap<>();

    private int nextToConnect;

    private int pending;

    private int resolved;

    private int joined;

    Joining(BenchOptions options, BenchClient[] clients, Accounting accounting, Consumer<BenchClient> flush,
            Consumer<BenchClient> close) {
        this.options = options;
        this.clients = clients;
        this.accounting = accounting;
        this.flush = flush;
        this.close = close;
    }

    /** Starts connections up to {@code --concurrent-joins} at once. */
    void connectMore(Selector selector) {
        while (nextToConnect < clients.length && pending < options.concurrentJoins()) {
            connect(clients[nextToConnect++], selector);
        }
    }

    private void connect(BenchClient c, Selector selector) {
        pending++;
        try {
            SocketChannel channel = SocketChannel.open();
            c.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(options.targets().forClient(c.index))) {
                c.state = BenchClient.State.JOINING;
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
            }
            else {
                c.key = channel.register(selector, SelectionKey.OP_CONNECT, c);
            }
        }
        catch (IOException | RuntimeException e) {
            fail(c, "connect: " + e.getMessage());
        }
    }

    /** A line from the server while {@code c} joins. */
    void onLine(BenchClient c, String line) {
        if (line.equals(ProtocolLines.PASSWORD)) {
            if (options.password() == null) {
                fail(c, "the server asks for a password (--password)");
                return;
            }
            if (!c.passwordSent) {
                c.passwordSent = true;
                c.queueLine(options.password());
                flush.accept(c);
            }
        }
        else if (ProtocolLines.isHello(line, c.name)) {
            c.state = BenchClient.State.JOINED;
            pending--;
            resolved++;
            joined++;
            accounting.hello(c, line);
            if (c.silent) {
                c.key.interestOps(0);
            }
            else {
                c.tracker = new SequenceTracker(clients.length);
            }
        }
        else if (line.startsWith("!")) {
            fail(c, line);
        }
        else if (!c.nameSent && line.endsWith(ProtocolLines.NAME_QUESTION_END)) {
            c.nameSent = true;
            c.queueLine(c.name);
            flush.accept(c);
        }
    }

    /** Everyone still joining, and everyone not yet started, counts as not joined. */
    void giveUp(String reason) {
        for (BenchClient c : clients) {
            if (c.state == BenchClient.State.CONNECTING || c.state == BenchClient.State.JOINING) {
                fail(c, reason);
            }
        }
        while (nextToConnect < clients.length) {
            BenchClient c = clients[nextToConnect++];
            pending++;
            fail(c, reason);
        }
    }

    /** {@code c} will not join; its connection closes. */
    void fail(BenchClient c, String reason) {
        if (c.state == BenchClient.State.FAILED || c.state == BenchClient.State.JOINED
                || c.state == BenchClient.State.CLOSED) {
            return;
        }
        c.state = BenchClient.State.FAILED;
        c.failure = reason;
        failures.merge(reason, 1, Integer::sum);
        pending--;
        resolved++;
        close.accept(c);
    }

    /** Every user has joined or failed. */
    boolean over() {
        return resolved == clients.length;
    }

    int joined() {
        return joined;
    }

    Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

}
