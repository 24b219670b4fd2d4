package io.socketchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A bare broadcast relay that speaks just enough of PROTOCOL.md for the benchmark
 * ({@link RelayRoom}). One thread, one selector, no per-line allocation: it costs far
 * less per delivery than a real server, so the benchmark run against it shows the tool's
 * own ceiling. Not a chat server: no commands, no history, no limits beyond the queue
 * size. This class is the network side: accepting, reading and cutting lines.
 */
public final class RelaySink implements AutoCloseable {

    private static final int READ_BUFFER = 256 * 1024;

    private final Selector selector;

    private final ServerSocketChannel server;

    private final RelayRoom room;

    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);

    private final Thread thread;

    private volatile boolean running = true;

    private RelaySink(String host, int port, String password, long queueLimitBytes) throws IOException {
        this.room = new RelayRoom(password, queueLimitBytes);
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(host, port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::loop, "relay-sink");
        thread.setDaemon(true);
    }

    /**
     * Starts a relay on its own thread. {@code port} 0 picks a free one; see
     * {@link #port()}.
     */
    public static RelaySink start(String host, int port, String password, long queueLimitBytes) throws IOException {
        RelaySink relay = new RelaySink(host, port, password, queueLimitBytes);
        relay.thread.start();
        return relay;
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Lines received from users and broadcast. */
    public long relayed() {
        return room.relayed();
    }

    /** Lines queued to receivers. */
    public long delivered() {
        return room.delivered();
    }

    /** Runs until {@code nanos} have passed or {@link #close()}; for the command line. */
    public void awaitFor(long nanos) throws InterruptedException {
        thread.join(Math.max(1, nanos / 1_000_000));
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (running) {
                selector.select(this::onKey, 100);
                room.flushDirty();
            }
        }
        catch (IOException | ClosedSelectorException e) {
            // stop
        }
        finally {
            for (SelectionKey k : selector.keys()) {
                try {
                    k.channel().close();
                }
                catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void onKey(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            RelayConnection c = (RelayConnection) key.attachment();
            if (key.isWritable()) {
                room.flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        }
        catch (IOException e) {
            if (key.attachment() instanceof RelayConnection c) {
                room.left(c);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            RelayConnection c = new RelayConnection(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
            room.arrived(c);
        }
    }

    /** Reads what the socket has and hands each complete line to the room. */
    private void read(RelayConnection c) throws IOException {
        ByteBuffer buf = readBuffer;
        buf.clear();
        buf.put(c.carry, 0, c.carryLen);
        int n = c.channel.read(buf);
        if (n < 0) {
            room.left(c);
            return;
        }
        byte[] a = buf.array();
        int limit = buf.position();
        int start = 0;
        for (int i = 0; i < limit && !c.closed; i++) {
            if (a[i] == '\n') {
                int end = i > start && a[i - 1] == '\r' ? i - 1 : i;
                room.line(c, a, start, end);
                start = i + 1;
            }
        }
        int rest = limit - start;
        if (rest > READ_BUFFER / 2) {
            room.left(c);
            return;
        }
        if (c.carry.length < rest) {
            c.carry = new byte[Math.max(rest, c.carry.length * 2)];
        }
        System.arraycopy(a, start, c.carry, 0, rest);
        c.carryLen = rest;
    }

}
