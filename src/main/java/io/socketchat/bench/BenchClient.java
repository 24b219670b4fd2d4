package io.socketchat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * One simulated user: its connection, where it is in the join, what it sent and what it
 * received.
 */
final class BenchClient {

    enum State {

        CONNECTING, JOINING, JOINED, FAILED, CLOSED

    }

    private static final int SMALL_OUT = 512;

    /** Longest line kept while waiting for its end. */
    static final int MAX_LINE = 256 * 1024;

    /** What one read from the socket brought. */
    enum ReadResult {

        LINES, CLOSED, LINE_TOO_LONG

    }

    /** Takes each whole line read, {@code a[from, to)} without CR or LF. */
    interface LineSink {

        void line(BenchClient client, byte[] a, int from, int to, long receivedAt);

    }

    final int index;

    final String name;

    final boolean silent;

    SocketChannel channel;

    SelectionKey key;

    State state = State.CONNECTING;

    /** Bytes of an unfinished line left over from the last read. */
    byte[] carry = new byte[128];

    int carryLen;

    /** Bytes waiting to be written, in fill mode (position = end of data). */
    ByteBuffer out = ByteBuffer.allocate(SMALL_OUT);

    boolean nameSent;

    boolean passwordSent;

    boolean inHistory;

    /**
     * Messages this client has put on the wire (or into {@link #out}), and how many of
     * them the server refused.
     */
    int sent;

    int refused;

    /** Messages this client still has to send. */
    int remaining;

    /** Fresh deliveries of this run's messages (duplicates excluded). */
    long received;

    SequenceTracker tracker;

    /** Readers saw {@code * <name> was disconnected (not reading)}. */
    boolean notReadingNotice;

    String failure;

    BenchClient(int index, String name, boolean silent) {
        this.index = index;
        this.name = name;
        this.silent = silent;
    }

    boolean joined() {
        return state == State.JOINED;
    }

    /**
     * A connected, joined client that reads: one whose deliveries are expected and
     * counted.
     */
    boolean reader() {
        return state == State.JOINED && !silent;
    }

    /** The highest sequence number of this sender that any reader received. */
    int highestSeen = -1;

    /**
     * Messages of this client the server accepted. While it is connected: all sent but
     * those refused. Once the server has dropped it, lines still in flight towards the
     * server may never have been read; since the server keeps per-sender order and
     * delivers every accepted line to every connected user, the accepted ones are exactly
     * those up to the highest sequence number any reader received.
     */
    int accepted() {
        if (state == State.CLOSED) {
            return Math.max(0, Math.min(sent, highestSeen + 1) - refused);
        }
        return sent - refused;
    }

    /**
     * Makes room for {@code bytes} more bytes to write, growing the buffer up to
     * {@code max}.
     */
    boolean ensureRoom(int bytes, int max) {
        if (out.remaining() >= bytes) {
            return true;
        }
        int needed = out.position() + bytes;
        if (needed > max) {
            return false;
        }
        int size = Math.min(max, Math.max(needed, out.capacity() * 2));
        ByteBuffer bigger = ByteBuffer.allocate(size);
        out.flip();
        bigger.put(out);
        out = bigger;
        return true;
    }

    void queueLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        ensureRoom(bytes.length, Math.max(SMALL_OUT, bytes.length + out.position()));
        out.put(bytes);
    }

    /**
     * Writes what the socket takes now; asks the selector for more room while bytes are
     * left.
     */
    void flush() throws IOException {
        if (state == State.FAILED || state == State.CLOSED || state == State.CONNECTING) {
            return;
        }
        out.flip();
        channel.write(out);
        out.compact();
        int base = silent && joined() ? 0 : SelectionKey.OP_READ;
        int ops = base | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    void close() {
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * Reads what the socket has into {@code buffer} (after the unfinished line of the
     * last read) and hands each whole line to {@code sink}; stops early once this client
     * no longer reads.
     * @param clock the receive time of the lines, nanoseconds since the run's start
     */
    ReadResult readLines(ByteBuffer buffer, LongSupplier clock, LineSink sink) throws IOException {
        buffer.clear();
        if (carryLen > 0) {
            buffer.put(carry, 0, carryLen);
        }
        int n = channel.read(buffer);
        if (n < 0) {
            return ReadResult.CLOSED;
        }
        if (n == 0) {
            return ReadResult.LINES;
        }
        long received = clock.getAsLong();
        byte[] a = buffer.array();
        int limit = buffer.position();
        int lineStart = 0;
        for (int i = 0; i < limit; i++) {
            if (a[i] == '\n') {
                int end = i > lineStart && a[i - 1] == '\r' ? i - 1 : i;
                sink.line(this, a, lineStart, end, received);
                lineStart = i + 1;
                if (state == State.FAILED || state == State.CLOSED || (silent && joined())) {
                    carryLen = 0;
                    return ReadResult.LINES;
                }
            }
        }
        int rest = limit - lineStart;
        if (rest > MAX_LINE) {
            return ReadResult.LINE_TOO_LONG;
        }
        keepCarry(a, lineStart, rest);
        return ReadResult.LINES;
    }

    void keepCarry(byte[] src, int from, int length) {
        if (carry.length < length) {
            carry = new byte[Math.max(length, carry.length * 2)];
        }
        System.arraycopy(src, from, carry, 0, length);
        carryLen = length;
    }

}
