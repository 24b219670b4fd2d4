package io.socketchat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatRoom;
import io.socketchat.room.Member;
import io.socketchat.room.RoomEvent;
import io.socketchat.room.RoomLedger;
import io.socketchat.room.RoomUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.TaskScheduler;

/**
 * The room kept in Redis, shared by every node. Names, places and leases change only in
 * Lua scripts that also append the resulting event to the room's stream, so every change
 * has one place in one order; each node's {@link StreamReader} applies the stream to its
 * own users. A node renews the leases of its users; a node that stops renewing (killed,
 * cut off) loses its users once their lease has run out. See docs/cluster.md.
 */
public class RedisLedger implements RoomLedger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisLedger.class);

    /**
     * Entries kept in the stream: how far a node may fall behind (the history is kept
     * apart).
     */
    static final int STREAM_MAX = 10_000;

    /**
     * How long past its lease a member is kept, so that a short stall of Redis drops
     * nobody.
     */
    static final Duration REAP_GRACE = Duration.ofSeconds(2);

    /**
     * Lines of this node its reader may trail by before senders wait: well below
     * {@link #STREAM_MAX}.
     */
    static final int MAX_UNAPPLIED = 1_000;

    private final StringRedisTemplate redis;

    private final RedisConnectionFactory factory;

    private final ChatProperties properties;

    private final TaskScheduler scheduler;

    private final String node;

    private final Duration commandTimeout;

    private final LedgerScripts scripts = new LedgerScripts();

    private final Progress progress = new Progress();

    /**
     * This node's instance: the origin of its lines in the stream, the prefix of their
     * ids.
     */
    private final String instance = UUID.randomUUID().toString();

    /** Lines this node appended that its reader has not applied yet. */
    private final AtomicInteger unapplied = new AtomicInteger();

    private final AtomicLong lines = new AtomicLong();

    private volatile Room room;

    /**
     * Told when a node banned or unbanned an address (the address, and whether this node
     * did), or the room was read afresh (null, false).
     */
    private volatile BiConsumer<String, Boolean> bansChanged = (address, here) -> {
    };

    private volatile boolean available;

    private volatile boolean running;

    private StreamReader reader;

    private volatile Thread readerThread;

    private ScheduledFuture<?> renewal;

    private final CountDownLatch firstContact = new CountDownLatch(1);

    public RedisLedger(StringRedisTemplate redis, RedisConnectionFactory factory, ChatProperties properties,
            TaskScheduler scheduler, String node, Duration commandTimeout) {
        this.redis = redis;
        this.factory = factory;
        this.properties = properties;
        this.scheduler = scheduler;
        this.node = node;
        this.commandTimeout = commandTimeout;
    }

    @Override
    public void attach(Room room) {
        this.room = room;
    }

    /**
     * @param listener told (on the reader's thread) whenever the shared bans may have
     * changed
     */
    void onBansChanged(BiConsumer<String, Boolean> listener) {
        this.bansChanged = listener;
    }

    /**
     * This node's instance, which a ban's stream entry names so that its reader knows it.
     */
    String instance() {
        return instance;
    }

    LedgerScripts scripts() {
        return scripts;
    }

    @Override
    public ChatRoom.Join join(Member member, int maxClients) {
        List<?> reply = run(scripts.join, member.id(), member.name().key(), member.name().display(),
                properties.cluster().lease().toMillis(), maxClients, REAP_GRACE.toMillis(), STREAM_MAX, deadline(),
                member.address() == null ? "" : member.address());
        return switch (String.valueOf(reply.get(0))) {
            case "JOINED" -> {
                awaitApplied(reply);
                yield ChatRoom.Join.JOINED;
            }
            case "TAKEN" -> ChatRoom.Join.TAKEN;
            case "FULL" -> ChatRoom.Join.FULL;
            case "BANNED" -> ChatRoom.Join.BANNED;
            default -> throw late();
        };
    }

    @Override
    public boolean rename(Member member, Username to) {
        List<?> reply = run(scripts.rename, member.id(), to.key(), to.display(), STREAM_MAX, deadline());
        return switch (String.valueOf(reply.get(0))) {
            case "RENAMED" -> {
                awaitApplied(reply);
                yield true;
            }
            case "TAKEN" -> false;
            // the room let this user go (lease ran out): the leave is on its way to this
            // node
            case "GONE" -> throw new RoomUnavailableException("No longer in the room", null);
            default -> throw late();
        };
    }

    @Override
    public void leave(Member member, String notice) {
        awaitApplied(run(scripts.leave, member.id(), notice, STREAM_MAX));
    }

    /**
     * Appends a public line, private message or kick. Its sender need not wait for it to
     * come back (a sender never sees its own line), unless this node's reader is far
     * behind on the lines this node appended: then senders wait, which keeps every reader
     * well within the stream's length.
     */
    @Override
    public void publish(RoomEvent event) {
        List<Object> args = new ArrayList<>(List.of(instance + "-" + lines.incrementAndGet(), deadline(), STREAM_MAX,
                properties.historySize(), event instanceof RoomEvent.Public line ? line.line() : ""));
        args.addAll(EventCodec.fields(event));
        args.addAll(List.of("o", instance));
        List<?> reply = run(scripts.publish, args.toArray());
        if ("LATE".equals(reply.get(0))) {
            throw late();
        }
        if ("PUBLISHED".equals(reply.get(0)) && unapplied.incrementAndGet() > MAX_UNAPPLIED) {
            awaitApplied(reply);
        }
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("redisReachable", available);
        return details;
    }

    @Override
    public void start() {
        running = true;
        Duration block = Duration.ofMillis(Math.max(100, Math.min(1_000, commandTimeout.toMillis() / 2)));
        reader = new StreamReader(factory, RoomKeys.ROOM.log(), block, new ReaderTarget());
        Thread thread = new Thread(reader, "chat-room-reader");
        thread.setDaemon(true);
        readerThread = thread;
        thread.start();
        awaitFirstContact();
        Duration every = Duration.ofMillis(Math.max(250, properties.cluster().lease().toMillis() / 3));
        // also how often members of stopped nodes are let go: at most a second late
        renewal = scheduler.scheduleAtFixedRate(this::renew, min(every, Duration.ofSeconds(1)));
        log.info("Node {} joins the room in Redis (lease {})", node, properties.cluster().lease());
    }

    /**
     * Holds start-up (the chat port opens after this) until the room's state is read, so
     * the first users are not turned away; a node whose Redis is down starts anyway and
     * goes on once Redis is reachable.
     */
    private void awaitFirstContact() {
        try {
            if (!firstContact.await(commandTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("Redis is unreachable; node {} starts, and turns users away until Redis is back", node);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (renewal != null) {
            renewal.cancel(false);
        }
        if (reader != null) {
            reader.stop();
            try {
                readerThread.join(commandTimeout.toMillis() * 2);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts after Redis' connection factory and stops before it, but after the chat
     * server's own shutdown.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1_000;
    }

    private void renew() {
        List<Object> args = new ArrayList<>(
                List.of(properties.cluster().lease().toMillis(), REAP_GRACE.toMillis(), STREAM_MAX));
        room.membersHere().forEach(member -> args.add(member.id()));
        try {
            execute(scripts.renew, args.toArray());
        }
        catch (RuntimeException ex) {
            unreachable(ex);
        }
    }

    /** Runs one of the room's scripts; the shared bans change through here too. */
    <T> T run(RedisScript<T> script, Object... args) {
        if (!available) {
            throw new RoomUnavailableException("Redis is unreachable", null);
        }
        try {
            return execute(script, args);
        }
        catch (RuntimeException ex) {
            unreachable(ex);
            throw new RoomUnavailableException("Redis is unreachable: " + ex.getMessage(), ex);
        }
    }

    private <T> T execute(RedisScript<T> script, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return redis.execute(script, RoomKeys.ROOM.all(), strings);
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
            if (!progress.await(String.valueOf(reply.get(1)), commandTimeout.toMillis() * 2)) {
                log.debug("Event {} not applied here yet; going on", reply.get(1));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * When a command must have run, by Redis' clock: a command Redis reads only after
     * this node gave up waiting (Redis paused) must not take effect, since the user was
     * told it did not. (Assumes the nodes' clocks and Redis' agree within the command
     * timeout.)
     */
    private long deadline() {
        return System.currentTimeMillis() + commandTimeout.toMillis();
    }

    private static RoomUnavailableException late() {
        return new RoomUnavailableException("Redis answered after the command timeout", null);
    }

    private void unreachable(RuntimeException failure) {
        if (available) {
            log.warn("Redis is unreachable; the chat is unavailable until it is back: {}", failure.getMessage());
        }
        available = false;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The reader's side: the room's state and events, applied to this node's room. */
    private final class ReaderTarget implements StreamReader.Target {

        @Override
        public String restore() {
            List<?> reply = execute(scripts.snapshot, properties.historySize());
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
                if (!available) {
                    log.info("Redis is reachable; node {} serves the room", node);
                }
                // available before the start-up waiting for first contact goes on to open
                // the port
                available = true;
                firstContact.countDown();
            }
            else {
                unreachable(failure);
            }
        }

    }

}
