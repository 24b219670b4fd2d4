package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.socketchat.protocol.InboundLine;

/**
 * Puts one connection's lines back in the order they were sent, and says when the last one
 * has been handled after the connection closed.
 *
 * <p>Spring Integration's NIO connection frames lines one at a time, but may hand a framed
 * line to the next thread while the previous one is still being delivered, and it publishes
 * the close event on the selector thread, possibly before the last lines are handled. So
 * the deserializer numbers every line while it frames it (under the connection's lock, in
 * stream order) and this class hands them on strictly by number; the connection counts as
 * gone only when it is closed, nothing is being framed or handled and no bytes are left unread.
 */
final class InboundOrder {

    private final InputStream pipe;
    private final Consumer<InboundLine> handler;
    private final Runnable onGone;

    /** Numbers given to framed lines; only the framing thread (under the connection's lock) touches it. */
    private long framed;
    private final ReentrantLock lock = new ReentrantLock();
    private long next = 1;
    private final Map<Long, InboundLine> early = new HashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private final AtomicBoolean gone = new AtomicBoolean();

    InboundOrder(InputStream pipe, Consumer<InboundLine> handler, Runnable onGone) {
        this.pipe = pipe;
        this.handler = handler;
        this.onGone = onGone;
    }

    /** The deserializer starts reading a line. */
    void reading() {
        inFlight.incrementAndGet();
    }

    /** The deserializer finished a line: number it for delivery. */
    Frame framed(InboundLine line) {
        return new Frame(this, ++framed, line);
    }

    /** The deserializer stopped without a line (end of stream or error). */
    void readEnded() {
        inFlight.decrementAndGet();
        checkGone();
    }

    /** Hands the line on once every line before it has been handed on. */
    void deliver(long number, InboundLine line) {
        lock.lock();
        try {
            if (number != next) {
                early.put(number, line);
                return;
            }
            InboundLine current = line;
            while (current != null) {
                try {
                    handler.accept(current);
                }
                finally {
                    inFlight.decrementAndGet();
                }
                current = early.remove(++next);
            }
        }
        finally {
            lock.unlock();
        }
        checkGone();
    }

    /** The connection closed; it is gone once its last lines are handled. */
    void closed() {
        closed = true;
        checkGone();
    }

    private void checkGone() {
        if (closed && inFlight.get() == 0 && unread() == 0 && gone.compareAndSet(false, true)) {
            onGone.run();
        }
    }

    private int unread() {
        try {
            return pipe.available();
        }
        catch (IOException e) {
            return 0;
        }
    }

    /** A framed line on its way from the deserializer to the chat, with its place in the stream. */
    record Frame(InboundOrder order, long number, InboundLine line) {
        void deliver() {
            order.deliver(number, line);
        }
    }
}
