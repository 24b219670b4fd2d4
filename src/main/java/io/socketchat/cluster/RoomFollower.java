package io.socketchat.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.room.RoomEvent;
import io.socketchat.room.RoomLedger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
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

    /**
     * Lines applied before the room settles (drops who does not read, holds the reader
     * while a user's queue is behind), even within one read or one group: a read of
     * groups may hold thousands of lines, and at most 1,000 between settles (what a read
     * of single lines held) keeps a reading user's queue within twice its default limit.
     */
    private static final int SETTLE_EVERY = 1_000;

    /** Lines applied since the room last settled; the reader's thread only. */
    private int linesSinceSettled;

    private final RedisLink link;

    private final ChatProperties properties;

    private final String node;

    private final String instance;

    private final Progress progress = new Progress();

    /** Lines this node appended that its reader has not applied yet. */
    private final AtomicInteger unapplied = new AtomicInteger();

    private final LongAdder gaps = new LongAdder();

    private volatile String lastAppended;

    private final LineReceipts receipts = new LineReceipts();

    private final Rejoins rejoins;

    private volatile String primary = "";

    private static final long FIRST_CONTACT_CAP_MILLIS = 60_000;

    private final CountDownLatch firstContact = new CountDownLatch(1);

    private volatile boolean failedBeforeContact;

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
        this.rejoins = new Rejoins(link, properties);
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
        reader = new StreamReader(factory, RoomKeys.ROOM, block, this);
        Thread thread = new Thread(reader, "chat-room-reader");
        thread.setDaemon(true);
        readerThread = thread;
        thread.start();
        awaitFirstContact(timeout);
    }

    /**
     * Until the room's state is read: as long as it takes while nothing failed (a busy
     * machine can take seconds to make the first connection), at most a minute; twice the
     * command timeout once Redis was found unreachable.
     */
    private void awaitFirstContact(Duration timeout) {
        long start = System.nanoTime();
        try {
            while (!firstContact.await(100, TimeUnit.MILLISECONDS)) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                if ((failedBeforeContact && waited >= timeout.toMillis() * 2) || waited >= FIRST_CONTACT_CAP_MILLIS) {
                    log.warn("Redis is unreachable; node {} starts, and turns users away until Redis is back", node);
                    return;
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: holds this node's reader before its next read, or lets it go on. */
    void hold(boolean hold) throws InterruptedException {
        reader.hold(hold);
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

    /** This node appended lines, the last with this id. */
    void appended(int lines, String lastId) {
        lastAppended = lastId;
        unapplied.addAndGet(lines);
    }

    /**
     * Holds a sender while this node's reader is far behind on the lines this node
     * appended, which keeps every reader well within the stream's length.
     */
    void throttle() {
        String last = lastAppended;
        if (unapplied.get() > MAX_UNAPPLIED && last != null) {
            awaitApplied(List.of("PUBLISHED", last));
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
    public StreamReader.Snapshot restore(boolean gap) {
        if (gap) {
            rejoins.redo(room.joinedHere());
        }
        List<?> reply = link.execute(link.scripts().snapshot, properties.historySize());
        StreamReader.Snapshot snapshot = new StreamReader.Snapshot(String.valueOf(reply.get(2)),
                Long.parseLong(String.valueOf(reply.get(0))), String.valueOf(reply.get(1)));
        room.apply(EventCodec.restored(reply.subList(2, reply.size())));
        if (gap) {
            gaps.increment();
            room.tellEveryone(Replies.MISSING_HERE);
        }
        // this node's lines up to here are in the state read, or lost
        unapplied.set(0);
        bansChanged.accept(null, false);
        room.applied();
        progress.advanced(snapshot.lastId());
        progress.batchDone();
        return snapshot;
    }

    /**
     * Notes which Redis this connection reached (the primary, as the sentinels name it),
     * and tells the senders of the lines it lacks among those acknowledged lately.
     */
    @Override
    public void connected(DefaultStringRedisConnection connection) {
        primary = serverAddress(connection);
        Map<String, Integer> lost = receipts.lostOn(connection);
        if (!lost.isEmpty()) {
            log.warn("Redis lacks lines it had acknowledged (a switch of primary): {} per sender", lost);
            lost.forEach((sender, lines) -> room.tell(sender, Replies.mayNotHaveReached(lines)));
            room.applied();
        }
    }

    /** The server's own address of this connection, as Redis gives it (laddr). */
    private static String serverAddress(DefaultStringRedisConnection connection) {
        Object info;
        try {
            info = connection.execute("CLIENT", "INFO");
        }
        catch (RuntimeException ex) {
            // a Redis older than 6.2: the health component shows no address
            return "";
        }
        String text = info instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(info);
        for (String field : text.split(" ")) {
            if (field.startsWith("laddr=")) {
                return field.substring("laddr=".length()).strip();
            }
        }
        return "";
    }

    /** The Redis this node's reader reached last: the primary in use. */
    String primary() {
        return primary;
    }

    LineReceipts receipts() {
        return receipts;
    }

    /** Times this node read the room again because it skipped or lost part of it. */
    long gaps() {
        return gaps.sum();
    }

    @Override
    public void apply(String id, Map<String, String> fields) {
        if ("B".equals(fields.get("t"))) {
            bansChanged.accept(fields.get("a"), instance.equals(fields.get("by")));
        }
        List<RoomEvent> events = List.of();
        try {
            events = "G".equals(fields.get("t")) ? EventCodec.events(fields.getOrDefault("g", ""))
                    : single(EventCodec.event(fields));
        }
        catch (RuntimeException ex) {
            log.error("Cannot read the room's event {} {}", id, fields, ex);
        }
        for (RoomEvent event : events) {
            try {
                room.apply(event);
            }
            catch (RuntimeException ex) {
                log.error("Cannot apply the room's event {} {}", id, event, ex);
            }
            if (++linesSinceSettled >= SETTLE_EVERY) {
                settle();
            }
        }
        if (instance.equals(fields.get("o"))) {
            unapplied.addAndGet(-Math.max(1, events.size()));
        }
        progress.advanced(id);
    }

    private static List<RoomEvent> single(RoomEvent event) {
        return event == null ? List.of() : List.of(event);
    }

    @Override
    public void batchDone() {
        settle();
        progress.batchDone();
    }

    private void settle() {
        linesSinceSettled = 0;
        room.applied();
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
            failedBeforeContact = true;
            link.unreachable(failure);
        }
    }

}
