package io.socketchat.room;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user's outgoing lines. Whoever queues a line never touches the socket: the
 * transport is asked to drain the outbox ({@link ClientConnections#drain}) and takes its
 * lines in batches when the client's socket can take them. A client that stops reading
 * only lets its own queue grow; past the limit {@link #offer} refuses and the room drops
 * the user.
 *
 * <p>
 * At most one transport thread drains an outbox at a time: {@code draining} is set by
 * whoever asks for the drain and cleared only by {@link #finishDrain()}.
 */
public final class Outbox {

    /** Enough lines per write to keep system calls few without holding much memory. */
    public static final int BATCH_BYTES = 64 * 1024;

    /**
     * How often a sender held by {@link #awaitCatchUp} checks whether the client stopped
     * reading.
     */
    private static final long BACKLOG_CHECK_MILLIS = 20;

    private final String connectionId;

    private final int limit;

    private final ClientConnections connections;

    private final ChatMetrics metrics;

    private final Runnable onClosed;

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();

    /** Lines queued or being written: what counts against the limit. */
    private final AtomicInteger unwritten = new AtomicInteger();

    private final AtomicBoolean draining = new AtomicBoolean();

    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile boolean closeWhenWritten;

    /** Senders waiting in {@link #awaitCatchUp}; guarded by this. */
    private volatile int waiters;

    /** The drainer's own state; one drainer at a time. */
    private final ArrayList<byte[]> taken = new ArrayList<>();

    private int linesInBatch;

    Outbox(String connectionId, int limit, ClientConnections connections, ChatMetrics metrics, Runnable onClosed) {
        this.connectionId = connectionId;
        this.limit = limit;
        this.connections = connections;
        this.metrics = metrics;
        this.onClosed = onClosed;
    }

    static byte[] encode(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public String connectionId() {
        return connectionId;
    }

    void offer(String line) {
        offer(encode(line));
    }

    /** What became of an offered line. */
    enum Offer {

        /** Queued. */
        QUEUED,
        /**
         * Queued, but the queue is past its limit while the client's socket still takes
         * bytes: the server is behind, not the client; the sender should wait
         * ({@link #awaitCatchUp}).
         */
        BEHIND,
        /** Not queued: the queue is past its limit and the client is not reading. */
        REFUSED

    }

    /** Queues an LF-terminated line. */
    Offer offer(byte[] line) {
        if (closeWhenWritten || closed.get()) {
            return Offer.QUEUED;
        }
        int queued = unwritten.incrementAndGet();
        if (queued > limit && (queued > 2 * limit || connections.isBacklogged(connectionId))) {
            unwritten.decrementAndGet();
            return Offer.REFUSED;
        }
        queue.offer(line);
        requestDrain();
        return queued > limit ? Offer.BEHIND : Offer.QUEUED;
    }

    /**
     * Waits until the queue is back within its limit, the outbox closes or the time is
     * up: how a fast sender is slowed to the pace the server writes at (its own lines
     * then wait in TCP buffers), instead of anyone's lines being dropped. Waits no longer
     * once the client's socket is full: the client stopped reading, and the sender's next
     * line will drop it.
     */
    void awaitCatchUp(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (this) {
            waiters++;
            try {
                long left = millis;
                while (unwritten.get() > limit && !closed.get() && left > 0
                        && !connections.isBacklogged(connectionId)) {
                    // a socket filling up wakes no one: look again now and then
                    wait(Math.min(left, BACKLOG_CHECK_MILLIS));
                    left = (deadline - System.nanoTime()) / 1_000_000;
                }
            }
            finally {
                waiters--;
            }
        }
    }

    /** Writes what is queued, then closes the connection. Later lines are ignored. */
    void closeWhenWritten() {
        closeWhenWritten = true;
        requestDrain();
    }

    /**
     * Takes no more lines: what is queued is the last the client gets. Asks for no drain,
     * so it may be called under the room's lock; {@link #closeWhenWritten()} follows,
     * without it.
     */
    void takeNoMore() {
        closeWhenWritten = true;
    }

    /** Closes the connection now, dropping what is queued. */
    void closeNow() {
        closeWhenWritten = true;
        queue.clear();
        close();
    }

    boolean isClosed() {
        return closed.get();
    }

    private void requestDrain() {
        if (draining.compareAndSet(false, true)) {
            connections.drain(this);
        }
    }

    /**
     * For the draining transport: the next lines to write, as one array, or null when
     * none are queued. The lines count as unwritten until {@link #written()}.
     */
    public byte[] nextBatch() {
        if (closed.get()) {
            return null;
        }
        byte[] first = queue.poll();
        if (first == null) {
            return null;
        }
        if (queue.peek() == null) {
            linesInBatch = 1;
            return first;
        }
        taken.add(first);
        int length = first.length;
        byte[] next;
        while (length < BATCH_BYTES && (next = queue.poll()) != null) {
            taken.add(next);
            length += next.length;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (byte[] line : taken) {
            System.arraycopy(line, 0, bytes, at, line.length);
            at += line.length;
        }
        linesInBatch = taken.size();
        taken.clear();
        return bytes;
    }

    /**
     * For a draining transport that writes from a buffer of its own: the next lines,
     * copied into {@code into} (its contents replaced) as far as whole lines fit, so that
     * a burst of lines costs no new array per batch; a first line larger than
     * {@code into} comes as a buffer of its own. The lines count as unwritten until
     * {@link #written()}.
     * @return the bytes to write, ready to be read, or null when none are queued
     */
    public ByteBuffer nextBatch(ByteBuffer into) {
        if (closed.get()) {
            return null;
        }
        byte[] first = queue.poll();
        if (first == null) {
            return null;
        }
        linesInBatch = 1;
        if (first.length > into.capacity()) {
            return ByteBuffer.wrap(first);
        }
        into.clear().put(first);
        byte[] next;
        while ((next = queue.peek()) != null && next.length <= into.remaining()) {
            // only this drainer takes from the queue: the line peeked is the line polled
            queue.poll();
            into.put(next);
            linesInBatch++;
        }
        return into.flip();
    }

    /** For the draining transport: the last batch reached the client's socket. */
    public void written() {
        int left = unwritten.addAndGet(-linesInBatch);
        metrics.delivered(linesInBatch);
        linesInBatch = 0;
        if (waiters > 0 && left <= limit) {
            wakeWaiters();
        }
    }

    private synchronized void wakeWaiters() {
        notifyAll();
    }

    /**
     * For the draining transport, when {@link #nextBatch()} found nothing: closes the
     * connection if that was asked for, else stops draining.
     * @return true when the drain is over; false when lines came in meanwhile (drain on)
     */
    public boolean finishDrain() {
        if (closeWhenWritten || closed.get()) {
            close();
            return true;
        }
        draining.set(false);
        // a line may have come in after the queue looked empty
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
            return true;
        }
        return false;
    }

    /** For the draining transport: the connection is gone. */
    public void failed() {
        queue.clear();
        close();
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            connections.close(connectionId);
            onClosed.run();
            wakeWaiters();
        }
    }

}
