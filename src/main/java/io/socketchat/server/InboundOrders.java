package io.socketchat.server;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.InboundLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The {@link InboundOrder} of each open connection, found by the connection's read pipe:
 * that pipe is what the deserializer is given (Spring Integration's deserializer state
 * key).
 */
@Component
class InboundOrders {

    private final Map<Object, InboundOrder> byPipe = new ConcurrentHashMap<>();

    private final int maxLineBytes;

    private final long pauseNanos;

    private final InboundOrder.PauseTimer timer;

    @Autowired
    InboundOrders(ChatProperties properties, TaskScheduler scheduler) {
        this(properties.maxLineBytes(), properties.unterminatedLinePause().toNanos(),
                (task, delayNanos) -> scheduler.schedule(task, Instant.now().plusNanos(delayNanos)));
    }

    InboundOrders(int maxLineBytes, long pauseNanos, InboundOrder.PauseTimer timer) {
        this.maxLineBytes = maxLineBytes;
        this.pauseNanos = pauseNanos;
        this.timer = timer;
    }

    /**
     * A new connection: its lines go to the handler, in order; then {@code onGone} runs
     * once.
     */
    InboundOrder open(InputStream pipe, Consumer<InboundLine> handler, Runnable onGone) {
        return open(pipe, new LineFramer(maxLineBytes), handler, onGone);
    }

    /** As {@link #open(InputStream, Consumer, Runnable)}, for a doorway's connection. */
    InboundOrder open(InputStream pipe, Doorway doorway, Consumer<InboundLine> handler, Runnable onGone) {
        return open(pipe, new LineFramer(doorway.maxLineBytes(), false), handler, onGone);
    }

    private InboundOrder open(InputStream pipe, LineFramer framer, Consumer<InboundLine> handler, Runnable onGone) {
        InboundOrder order = new InboundOrder(pipe, framer, timer, pauseNanos, handler, () -> {
            byPipe.remove(pipe);
            onGone.run();
        });
        byPipe.put(pipe, order);
        return order;
    }

    InboundOrder of(Object pipe) {
        return byPipe.get(pipe);
    }

}
