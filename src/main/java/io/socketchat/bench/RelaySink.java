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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;

/**
 * A bare broadcast relay that speaks just enough of PROTOCOL.md for the benchmark
 * (welcome, optional password, username, {@code Hello}, {@code name: text} to everyone
 * else, join/leave notices, dropping a client that does not read). One thread, one
 * selector, no per-line allocation: it costs far less per delivery than a real server, so
 * the benchmark run against it shows the tool's own ceiling. Not a chat server: no
 * commands, no history, no limits beyond the queue size.
 */
public final class RelaySink implements AutoCloseable {

    private static final int READ_BUFFER = 256 * 1024;

    private static final byte[] WELCOME = (Replies.welcome("Relay") + "\n").getBytes(StandardCharsets.UTF_8);

    private static final byte[] PASSWORD = (Replies.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8);

    private final Selector selector;

    private final ServerSocketChannel server;

    private final String password;

    private final long queueLimitBytes;

    private final List<Conn> joined = new ArrayList<>();

    private final Set<String> names = new HashSet<>();

    private final List<Conn> dirty = new ArrayList<>();

    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);

    private byte[] scratch = new byte[4096];

    private final Thread thread;

    private volatile boolean running = true;

    private volatile long relayed;

    private volatile long delivered;

    private static final class Conn {

        final SocketChannel channel;

        SelectionKey key;

        boolean passwordOk;

        boolean inChat;

        boolean closed;

        byte[] name;

        Username username;

        byte[] carry = new byte[256];

        int carryLen;

        ByteBuffer out = ByteBuffer.allocate(4096);

        boolean isDirty;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

    }

    private RelaySink(String host, int port, String password, long queueLimitBytes) throws IOException {
        this.password = password == null || password.isEmpty() ? null : password;
        this.queueLimitBytes = queueLimitBytes;
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
        return relayed;
    }

    /** Lines queued to receivers. */
    public long delivered() {
        return delivered;
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
                for (int i = 0; i < dirty.size(); i++) {
                    Conn c = dirty.get(i);
                    c.isDirty = false;
                    flush(c);
                }
                dirty.clear();
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
            Conn c = (Conn) key.attachment();
            if (key.isWritable()) {
                flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        }
        catch (IOException e) {
            if (key.attachment() instanceof Conn c) {
                drop(c, Replies::left);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
            c.passwordOk = password == null;
            byte[] first = c.passwordOk ? WELCOME : PASSWORD;
            append(c, first, first.length);
            markDirty(c);
        }
    }

    private void read(Conn c) throws IOException {
        ByteBuffer buf = readBuffer;
        buf.clear();
        buf.put(c.carry, 0, c.carryLen);
        int n = c.channel.read(buf);
        if (n < 0) {
            drop(c, Replies::left);
            return;
        }
        byte[] a = buf.array();
        int limit = buf.position();
        int start = 0;
        for (int i = 0; i < limit && !c.closed; i++) {
            if (a[i] == '\n') {
                int end = i > start && a[i - 1] == '\r' ? i - 1 : i;
                line(c, a, start, end);
                start = i + 1;
            }
        }
        int rest = limit - start;
        if (rest > READ_BUFFER / 2) {
            drop(c, Replies::left);
            return;
        }
        if (c.carry.length < rest) {
            c.carry = new byte[Math.max(rest, c.carry.length * 2)];
        }
        System.arraycopy(a, start, c.carry, 0, rest);
        c.carryLen = rest;
    }

    private void line(Conn c, byte[] a, int from, int to) {
        if (!c.passwordOk) {
            if (new String(a, from, to - from, StandardCharsets.UTF_8).equals(password)) {
                c.passwordOk = true;
                append(c, WELCOME, WELCOME.length);
                markDirty(c);
            }
            else {
                appendText(c, Replies.WRONG_PASSWORD + "\n");
                flush(c);
                drop(c, null);
            }
            return;
        }
        if (!c.inChat) {
            join(c, new String(a, from, to - from, StandardCharsets.UTF_8).strip());
            return;
        }
        if (to == from) {
            return;
        }
        if (to - from == 4 && new String(a, from, 4, StandardCharsets.US_ASCII).equals("exit")) {
            drop(c, Replies::left);
            return;
        }
        int size = c.name.length + 2 + (to - from) + 1;
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        System.arraycopy(c.name, 0, scratch, 0, c.name.length);
        scratch[c.name.length] = ':';
        scratch[c.name.length + 1] = ' ';
        System.arraycopy(a, from, scratch, c.name.length + 2, to - from);
        scratch[size - 1] = '\n';
        relayed++;
        broadcast(c, scratch, size);
    }

    private void join(Conn c, String name) {
        Username username = usable(name);
        if (username == null || !names.add(username.key())) {
            appendText(c, Replies.nameRejected(name, "is taken") + "\n");
            markDirty(c);
            return;
        }
        c.username = username;
        c.name = name.getBytes(StandardCharsets.UTF_8);
        c.inChat = true;
        joined.add(c);
        List<String> online = new ArrayList<>(joined.size());
        for (Conn member : joined) {
            online.add(member.username.display());
        }
        appendText(c, Replies.hello(username, online) + "\n");
        markDirty(c);
        byte[] notice = (Replies.joined(username) + "\n").getBytes(StandardCharsets.UTF_8);
        broadcast(c, notice, notice.length);
    }

    /** The name if the protocol allows it, else null. */
    private static Username usable(String name) {
        try {
            return new Username(name);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void broadcast(Conn from, byte[] line, int length) {
        List<Conn> overfull = null;
        for (int i = 0, n = joined.size(); i < n; i++) {
            Conn to = joined.get(i);
            if (to == from) {
                continue;
            }
            if (to.out.position() + length > queueLimitBytes) {
                if (overfull == null) {
                    overfull = new ArrayList<>();
                }
                overfull.add(to);
                continue;
            }
            append(to, line, length);
            delivered++;
            markDirty(to);
        }
        if (overfull != null) {
            for (Conn c : overfull) {
                drop(c, Replies::notReading);
            }
        }
    }

    /**
     * @param notice the line the others see about it, or null for none
     */
    private void drop(Conn c, Function<Username, String> notice) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        c.key.cancel();
        try {
            c.channel.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        if (c.inChat) {
            joined.remove(c);
            names.remove(c.username.key());
            if (notice != null) {
                byte[] line = (notice.apply(c.username) + "\n").getBytes(StandardCharsets.UTF_8);
                broadcast(c, line, line.length);
            }
        }
    }

    private void markDirty(Conn c) {
        if (!c.isDirty) {
            c.isDirty = true;
            dirty.add(c);
        }
    }

    private void appendText(Conn c, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        append(c, b, b.length);
    }

    private static void append(Conn c, byte[] bytes, int length) {
        if (c.out.remaining() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(c.out.capacity() * 2, c.out.position() + length));
            c.out.flip();
            bigger.put(c.out);
            c.out = bigger;
        }
        c.out.put(bytes, 0, length);
    }

    private void flush(Conn c) {
        if (c.closed) {
            return;
        }
        try {
            c.out.flip();
            c.channel.write(c.out);
            c.out.compact();
            int ops = SelectionKey.OP_READ | (c.out.position() > 0 ? SelectionKey.OP_WRITE : 0);
            if (c.key.interestOps() != ops) {
                c.key.interestOps(ops);
            }
        }
        catch (IOException e) {
            drop(c, Replies::left);
        }
    }

}
