package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.socketchat.protocol.InboundLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's inbound side: frames its bytes into lines ({@link LineFramer}), puts
 * the frames back in the order they were read, and says when the last line has been
 * handled after the connection closed.
 *
 * <p>
 * Spring Integration's NIO connection may hand a frame to the next thread while the
 * previous one is still being delivered, and it publishes the close event on the selector
 * thread, possibly before the last lines are handled. So every frame (all the lines one
 * read completed) is numbered while it is framed, in stream order, and handed on strictly
 * by number; the connection counts as gone only when it is closed, nothing is being
 * framed or handled and no bytes are left unread.
 *
 * <p>
 * Nothing here waits for bytes: the pause that ends an unframed client's line is a task
 * on a shared scheduler, started only while bytes of such a line wait.
 */
final class InboundOrder {

    private static final Logger log = LoggerFactory.getLogger(InboundOrder.class);

    /** Runs a task after a delay on a shared scheduler thread. */
    interface PauseTimer {

        void schedule(Runnable task, long delayNanos);

    }

    private final InputStream pipe;

    private final Consumer<InboundLine> handler;

    private final Runnable onGone;

    private final PauseTimer timer;

    private final long pauseNanos;

    /** Guards the framer, the frame numbers and the pause bookkeeping. */
    private final ReentrantLock framing = new ReentrantLock();

    private final LineFramer framer;

    private long framed;

    private long lastChunkNanos;

    private boolean pauseCheckPending;

    private final ReentrantLock delivery = new ReentrantLock();

    private long next = 1;

    private final Map<Long, List<InboundLine>> early = new HashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    private volatile boolean closed;

    private final AtomicBoolean gone = new AtomicBoolean();

    InboundOrder(InputStream pipe, LineFramer framer, PauseTimer timer, long pauseNanos, Consumer<InboundLine> handler,
            Runnable onGone) {
        this.pipe = pipe;
        this.framer = framer;
        this.timer = timer;
        this.pauseNanos = pauseNanos;
        this.handler = handler;
        this.onGone = onGone;
    }

    /**
     * Frames every line completed by the bytes the pipe holds now, never waiting for
     * more.
     * @return those lines with their place in the stream, or null when none was completed
     */
    Frame read() throws IOException {
        inFlight.incrementAndGet();
        Frame frame = null;
        try {
            int available = pipe.available();
            if (available > 0) {
                byte[] bytes = new byte[available];
                int count = pipe.read(bytes, 0, available);
                if (count > 0) {
                    frame = framed(bytes, count);
                }
            }
        }
        finally {
            if (frame == null) {
                inFlight.decrementAndGet();
                checkGone();
            }
        }
        return frame;
    }

    private Frame framed(byte[] bytes, int count) {
        List<InboundLine> lines = new ArrayList<>(Math.max(1, count / 32));
        framing.lock();
        try {
            framer.feed(bytes, 0, count, lines);
            if (framer.waitsForPause()) {
                lastChunkNanos = System.nanoTime();
                if (!pauseCheckPending) {
                    pauseCheckPending = true;
                    schedulePauseCheck(pauseNanos);
                }
            }
            return lines.isEmpty() ? null : new Frame(this, ++framed, lines);
        }
        finally {
            framing.unlock();
        }
    }

    /** On the scheduler: a pause as long as the setting ends an unframed line. */
    private void pauseCheck() {
        Frame frame;
        framing.lock();
        try {
            pauseCheckPending = false;
            if (!framer.waitsForPause() || gone.get()) {
                return;
            }
            long quiet = System.nanoTime() - lastChunkNanos;
            if (quiet < pauseNanos) {
                // more bytes came meanwhile: the pause counts from the last of them
                pauseCheckPending = true;
                schedulePauseCheck(pauseNanos - quiet);
                return;
            }
            inFlight.incrementAndGet();
            frame = new Frame(this, ++framed, List.of(framer.pauseEnded()));
        }
        finally {
            framing.unlock();
        }
        frame.deliver();
    }

    private void schedulePauseCheck(long delayNanos) {
        try {
            timer.schedule(this::pauseCheck, delayNanos);
        }
        catch (RuntimeException shuttingDown) {
            // the scheduler is gone only when the whole server stops
            pauseCheckPending = false;
        }
    }

    /** Hands the frame's lines on once every frame before it has been handed on. */
    void deliver(long number, List<InboundLine> lines) {
        delivery.lock();
        try {
            if (number != next) {
                early.put(number, lines);
                return;
            }
            List<InboundLine> current = lines;
            while (current != null) {
                try {
                    handleAll(current);
                }
                finally {
                    inFlight.decrementAndGet();
                    next++;
                }
                current = early.remove(next);
            }
        }
        finally {
            delivery.unlock();
        }
        checkGone();
    }

    /**
     * A line whose handling fails is logged and skipped: the lines after it still count.
     */
    private void handleAll(List<InboundLine> lines) {
        for (InboundLine line : lines) {
            try {
                handler.accept(line);
            }
            catch (RuntimeException ex) {
                log.error("A line from a client could not be handled; it is skipped", ex);
            }
        }
    }

    /** The connection closed; it is gone once its last lines are handled. */
    void closed() {
        closed = true;
        checkGone();
    }

    private void checkGone() {
        if (closed && inFlight.get() == 0 && unread() == 0 && gone.compareAndSet(false, true)) {
            InboundLine last;
            framing.lock();
            try {
                last = framer.inputEnded();
            }
            finally {
                framing.unlock();
            }
            if (last != null) {
                delivery.lock();
                try {
                    handleAll(List.of(last));
                }
                finally {
                    delivery.unlock();
                }
            }
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

    /**
     * The lines one read completed, on their way from the deserializer to the chat, with
     * their place in the stream.
     */
    record Frame(InboundOrder order, long number, List<InboundLine> lines) {
        void deliver() {
            order.deliver(number, lines);
        }
    }

}
