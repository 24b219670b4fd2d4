package io.socketchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.RoomEvent;
import io.socketchat.room.RoomLedger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Follows the room's stream for this node: its {@link StreamReader} thread applies every
 * entry to this node's room, and callers wait here until the event they appended has been
 * applied (their answers then come after what the event caused).
 */
final class RoomFollower implements StreamReader.Target {

    private static final Logger log = LoggerFactory.getLogger(RoomFollower.class);

    /**
     * Lines of this node its reader may trail by before senders wait: well below
     * {@link RedisLink#STREAM_MAX}.
     */
    static final int MAX_UNAPPLIED = 1_000;

    private final RedisLink link;

    private final ChatProperties properties;

    private final String node;

    private final String instance;

    private final Progress progress = new Progress();

    /** Lines this node appended that its reader has not applied yet. */
    private final AtomicInteger unapplied = new AtomicInteger();

    private final CountDownLatch firstContact = new CountDownLatch(1);

    private volatile RoomLedger.Room room;

    /**
     * Told when a node banned or unbanned an address (the address, and whether this node
     * did), or the room was read afresh (null, false).
     */
    private volatile BiConsumer<String, Boolean> bansChanged = (address, here) -> {
    };

    private StreamReader reader;

    private volatile Thread readerThread;

    RoomFollower(RedisLink link, ChatProperties properties, String node, String instance) {
        this.link = link;
        this.properties = properties;
        this.node = node;
        this.instance = instance;
    }

    void attach(RoomLedger.Room room) {
        this.room = room;
    }

    void onBansChanged(BiConsumer<String, Boolean> listener) {
        this.bansChanged = listener;
    }

    /**
     * Starts reading; returns once the room's state is read, so the first users are not
     * turned away, or after twice the command timeout: a node whose Redis is down starts
     * anyway and goes on once Redis is reachable.
     */
    void start(RedisConnectionFactory factory) {
        Duration timeout = link.commandTimeout();
        Duration block = Duration.ofMillis(Math.max(100, Math.min(1_000, timeout.toMillis() / 2)));
        reader = new StreamReader(factory, RoomKeys.ROOM.log(), block, this);
        Thread thread = new Thread(reader, "chat-room-reader");
        thread.setDaemon(true);
        readerThread = thread;
        thread.start();
        try {
            if (!firstContact.await(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("Redis is unreachable; node {} starts, and turns users away until Redis is back", node);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        if (reader != null) {
            reader.stop();
            try {
                readerThread.join(link.commandTimeout().toMillis() * 2);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This node appended a line: senders wait while the reader is far behind on them. */
    void appended(List<?> reply) {
        if (unapplied.incrementAndGet() > MAX_UNAPPLIED) {
            awaitApplied(reply);
        }
    }

    /**
     * Waits until this node has applied the event the script appended; not on the
     * reader's own thread.
     */
    void awaitApplied(List<?> reply) {
        if (reply.size() < 2 || Thread.currentThread() == readerThread) {
            return;
        }
        try {
            if (!progress.await(String.valueOf(reply.get(1)), link.commandTimeout().toMillis() * 2)) {
                log.debug("Event {} not applied here yet; going on", reply.get(1));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String restore() {
        List<?> reply = link.execute(link.scripts().snapshot, properties.historySize());
        String last = String.valueOf(reply.get(0));
        room.apply(EventCodec.restored(reply));
        bansChanged.accept(null, false);
        room.applied();
        progress.advanced(last);
        progress.batchDone();
        return last;
    }

    @Override
    public void apply(String id, Map<String, String> fields) {
        if ("B".equals(fields.get("t"))) {
            bansChanged.accept(fields.get("a"), instance.equals(fields.get("by")));
        }
        try {
            RoomEvent event = EventCodec.event(fields);
            if (event != null) {
                room.apply(event);
            }
        }
        catch (RuntimeException ex) {
            log.error("Cannot apply the room's event {} {}", id, fields, ex);
        }
        if (instance.equals(fields.get("o"))) {
            unapplied.decrementAndGet();
        }
        progress.advanced(id);
    }

    @Override
    public void batchDone() {
        room.applied();
        progress.batchDone();
    }

    @Override
    public void reachable(boolean reachable, RuntimeException failure) {
        if (reachable) {
            // available before the start-up waiting for first contact goes on to open
            // the port
            if (link.reachable()) {
                log.info("Redis is reachable; node {} serves the room", node);
            }
            firstContact.countDown();
        }
        else {
            link.unreachable(failure);
        }
    }

}
