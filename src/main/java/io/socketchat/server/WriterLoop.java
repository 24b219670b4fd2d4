package io.socketchat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Function;

import io.socketchat.room.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that writes users' outboxes to their sockets without ever waiting on one: a
 * batch goes out through the outbound adapter; what a full socket does not take stays in
 * the connection's backlog, and this loop's selector says when that socket can take more.
 * A client that stops reading costs a selector registration, not a thread, and holds up
 * no one.
 */
final class WriterLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WriterLoop.class);

    /** Bytes written for one outbox before the others get their turn. */
    private static final int TURN_BYTES = 256 * 1024;

    private final Selector selector;

    private final Function<String, ChatNioConnection> connections;

    private final BiPredicate<ChatNioConnection, ByteBuffer> send;

    /**
     * Where each batch is put together: one buffer per loop, outside the heap, so a burst
     * of lines allocates no batch arrays (their garbage collections were pauses in the
     * middle of the burst) and the socket writes it without another copy.
     */
    private final ByteBuffer batchBuffer = ByteBuffer.allocateDirect(Outbox.BATCH_BYTES);

    private final ConcurrentLinkedQueue<Outbox> ready = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean sleeping = new AtomicBoolean();

    private volatile boolean running = true;

    /**
     * @param connections finds an open connection by id
     * @param send writes one batch through the outbound adapter; false when the
     * connection is gone
     */
    WriterLoop(Function<String, ChatNioConnection> connections, BiPredicate<ChatNioConnection, ByteBuffer> send) {
        this.connections = connections;
        this.send = send;
        try {
            this.selector = Selector.open();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void drain(Outbox outbox) {
        ready.offer(outbox);
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /**
     * The connection closed. A closed channel still registered with this loop's selector
     * keeps its file descriptor until the selector next selects: wake it so the socket is
     * released now.
     */
    void released(ChatNioConnection connection) {
        if (connection.channel().keyFor(selector) != null) {
            selector.wakeup();
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                Outbox outbox;
                while ((outbox = ready.poll()) != null) {
                    serveSafely(outbox);
                }
                sleeping.set(true);
                if (!ready.isEmpty()) {
                    sleeping.set(false);
                    continue;
                }
                selector.select();
                sleeping.set(false);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    writable(key);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            log.error("Writer loop stopped", ex);
        }
        finally {
            try {
                selector.close();
            }
            catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /**
     * One user's failure ends that user's connection, never the loop that serves the
     * others.
     */
    private void serveSafely(Outbox outbox) {
        try {
            serve(outbox);
        }
        catch (RuntimeException ex) {
            log.warn("Writing to {} failed; closing it", outbox.connectionId(), ex);
            outbox.failed();
        }
    }

    /**
     * Writes batches until the outbox is empty, the socket is full or its turn is over.
     */
    private void serve(Outbox outbox) {
        ChatNioConnection connection = connections.apply(outbox.connectionId());
        if (connection == null) {
            outbox.failed();
            return;
        }
        if (connection.hasBacklog()) {
            // its socket is full, or a TLS handshake's bytes still wait: the selector
            // brings it back once it is registered (it may not be yet: the backlog can
            // come from before this outbox was handed to this loop)
            awaitWritable(connection, outbox);
            return;
        }
        int turn = 0;
        while (turn < TURN_BYTES) {
            ByteBuffer batch = outbox.nextBatch(batchBuffer);
            if (batch == null) {
                if (outbox.finishDrain()) {
                    return;
                }
                continue;
            }
            int length = batch.remaining();
            if (!send.test(connection, batch)) {
                outbox.failed();
                return;
            }
            if (connection.hasBacklog()) {
                awaitWritable(connection, outbox);
                return;
            }
            outbox.written();
            turn += length;
        }
        ready.offer(outbox);
    }

    private void awaitWritable(ChatNioConnection connection, Outbox outbox) {
        try {
            SelectionKey key = connection.channel().keyFor(selector);
            if (key == null) {
                connection.channel().register(selector, SelectionKey.OP_WRITE, outbox);
            }
            else {
                key.interestOps(SelectionKey.OP_WRITE);
            }
        }
        catch (ClosedChannelException | CancelledKeyException ex) {
            outbox.failed();
        }
    }

    /** From the connection's reading thread: the backlog can move again. */
    private void resume(SelectionKey key) {
        try {
            key.interestOps(SelectionKey.OP_WRITE);
            selector.wakeup();
        }
        catch (CancelledKeyException ex) {
            // the connection closed meanwhile
        }
    }

    private void writable(SelectionKey key) {
        Outbox outbox = (Outbox) key.attachment();
        ChatNioConnection connection = connections.apply(outbox.connectionId());
        try {
            if (connection == null || !key.isValid()) {
                key.cancel();
                outbox.failed();
                return;
            }
            if (connection.writeBacklog()) {
                key.interestOps(0);
                outbox.written();
                serveSafely(outbox);
            }
            else if (connection.awaitsPeer()) {
                // a TLS handshake waits for the client, not for socket space: no busy
                // selecting
                key.interestOps(0);
                connection.whenPeerAnswers(() -> resume(key));
            }
        }
        catch (RuntimeException ex) {
            key.cancel();
            outbox.failed();
        }
    }

}
