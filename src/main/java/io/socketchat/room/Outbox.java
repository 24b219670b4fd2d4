package io.socketchat.room;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user's outgoing lines. Whoever queues a line never touches the socket: a writer task
 * drains the queue in batches, so a client that stops reading stalls only its own writer
 * (a socket write blocks while the client's buffer is full) and everyone else goes on.
 * The queue is bounded: past the limit {@link #offer} refuses and the room drops the user.
 */
final class Outbox {

    /** Enough lines per write to keep system calls few without holding much memory. */
    private static final int BATCH_BYTES = 64 * 1024;

    private final String connectionId;
    private final int limit;
    private final ClientConnections connections;
    private final Executor writers;
    private final ChatMetrics metrics;
    private final Runnable onClosed;

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    /** Lines queued or being written: what counts against the limit. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closeWhenWritten;
    /** Scratch list of the writer; one writer runs at a time. */
    private final ArrayList<byte[]> taken = new ArrayList<>();

    Outbox(String connectionId, int limit, ClientConnections connections, Executor writers, ChatMetrics metrics,
            Runnable onClosed) {
        this.connectionId = connectionId;
        this.limit = limit;
        this.connections = connections;
        this.writers = writers;
        this.metrics = metrics;
        this.onClosed = onClosed;
    }

    static byte[] encode(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    void offer(String line) {
        offer(encode(line));
    }

    /**
     * Queues an LF-terminated line.
     * @return false when the queue is past its limit (the line is not queued)
     */
    boolean offer(byte[] line) {
        if (closeWhenWritten || closed.get()) {
            return true;
        }
        if (unwritten.incrementAndGet() > limit) {
            unwritten.decrementAndGet();
            return false;
        }
        queue.offer(line);
        startWriter();
        return true;
    }

    /** Writes what is queued, then closes the connection. Later lines are ignored. */
    void closeWhenWritten() {
        closeWhenWritten = true;
        startWriter();
    }

    /** Closes the connection now, dropping what is queued; unblocks a writer stuck on a full socket. */
    void closeNow() {
        closeWhenWritten = true;
        queue.clear();
        close();
    }

    boolean isClosed() {
        return closed.get();
    }

    int unwritten() {
        return unwritten.get();
    }

    private void startWriter() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private void write() {
        while (!closed.get()) {
            Batch batch = takeBatch();
            if (batch != null) {
                boolean written = connections.write(connectionId, batch.bytes);
                unwritten.addAndGet(-batch.lines);
                if (!written) {
                    queue.clear();
                    close();
                    return;
                }
                metrics.delivered(batch.lines);
                continue;
            }
            if (closeWhenWritten) {
                close();
                return;
            }
            writing.set(false);
            // a line or a close may have come in after the queue looked empty
            if ((queue.isEmpty() && !closeWhenWritten) || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            connections.close(connectionId);
            onClosed.run();
        }
    }

    private Batch takeBatch() {
        byte[] first = queue.poll();
        if (first == null) {
            return null;
        }
        if (queue.peek() == null) {
            return new Batch(first, 1);
        }
        taken.clear();
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
        int lines = taken.size();
        taken.clear();
        return new Batch(bytes, lines);
    }

    private record Batch(byte[] bytes, int lines) {
    }
}
