package io.socketchat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.springframework.scheduling.TaskScheduler;

/**
 * The room kept in Redis, shared by every node. Names, places and leases change only in
 * Lua scripts ({@link RedisLink}) that also append the resulting event to the room's
 * stream, so every change has one place in one order; each node's {@link RoomFollower}
 * applies the stream to its own users, and its {@link Leases} keep its users' places. See
 * docs/cluster.md.
 */
public class RedisLedger implements RoomLedger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisLedger.class);

    private final RedisConnectionFactory factory;

    private final ChatProperties properties;

    private final String node;

    private final RedisLink link;

    private final RoomFollower follower;

    private final Leases leases;

    private final LineBatches batches;

    /**
     * This node's instance: the origin of its lines in the stream, the prefix of their
     * ids.
     */
    private final String instance = UUID.randomUUID().toString();

    private final AtomicLong lines = new AtomicLong();

    private volatile Room room;

    private volatile boolean running;

    private RedisConnectionFactory readerFactory;

    public RedisLedger(StringRedisTemplate redis, RedisConnectionFactory factory, ChatProperties properties,
            TaskScheduler scheduler, String node, Duration commandTimeout) {
        this.factory = factory;
        this.properties = properties;
        this.node = node;
        this.link = new RedisLink(redis, commandTimeout);
        this.follower = new RoomFollower(link, properties, node, instance);
        this.leases = new Leases(link, properties, scheduler);
        this.batches = new LineBatches(factory, link, follower, properties, instance);
    }

    @Override
    public void attach(Room room) {
        this.room = room;
        follower.attach(room);
    }

    /**
     * @param listener told (on the reader's thread) whenever the shared bans may have
     * changed
     */
    void onBansChanged(BiConsumer<String, Boolean> listener) {
        follower.onBansChanged(listener);
    }

    /**
     * This node's instance, which a ban's stream entry names so that its reader knows it.
     */
    String instance() {
        return instance;
    }

    RedisLink link() {
        return link;
    }

    RoomFollower follower() {
        return follower;
    }

    @Override
    public ChatRoom.Join join(Member member, int maxClients) {
        List<?> reply = link.run(link.scripts().join, member.id(), member.name().key(), member.name().display(),
                properties.cluster().lease().toMillis(), maxClients, Leases.REAP_GRACE.toMillis(), RedisLink.STREAM_MAX,
                link.deadline(), member.address() == null ? "" : member.address());
        return switch (String.valueOf(reply.get(0))) {
            case "JOINED" -> {
                follower.awaitApplied(reply);
                yield ChatRoom.Join.JOINED;
            }
            case "TAKEN" -> ChatRoom.Join.TAKEN;
            case "FULL" -> ChatRoom.Join.FULL;
            case "BANNED" -> ChatRoom.Join.BANNED;
            default -> throw RedisLink.late();
        };
    }

    @Override
    public boolean rename(Member member, Username to) {
        List<?> reply = link.run(link.scripts().rename, member.id(), to.key(), to.display(), RedisLink.STREAM_MAX,
                link.deadline());
        return switch (String.valueOf(reply.get(0))) {
            case "RENAMED" -> {
                follower.awaitApplied(reply);
                yield true;
            }
            case "TAKEN" -> false;
            // the room let this user go (lease ran out): the leave is on its way to this
            // node
            case "GONE" -> throw new RoomUnavailableException("No longer in the room", null);
            default -> throw RedisLink.late();
        };
    }

    @Override
    public void leave(Member member, String notice) {
        follower.awaitApplied(link.run(link.scripts().leave, member.id(), notice, RedisLink.STREAM_MAX));
    }

    /**
     * A user's line, handed to its sender's next batch ({@link LineBatches}); its sender
     * need not wait for it to come back (a sender never sees its own line).
     */
    @Override
    public void send(RoomEvent event, Runnable notDelivered) {
        String sender = senderOf(event);
        if (sender == null) {
            RoomLedger.super.send(event, notDelivered);
            return;
        }
        if (!link.available()) {
            notDelivered.run();
            return;
        }
        follower.throttle();
        batches.add(new LineBatches.Pending(event, sender, System.currentTimeMillis(), refused -> {
            if (refused != null) {
                notDelivered.run();
            }
        }));
    }

    /**
     * Appends a line, private message or kick and returns once Redis took it. A user's
     * goes with its sender's batch, after the lines it sent before.
     */
    @Override
    public void publish(RoomEvent event) {
        String sender = senderOf(event);
        if (sender == null) {
            publishAlone(event);
            return;
        }
        if (!link.available()) {
            throw new RoomUnavailableException("Redis is unreachable", null);
        }
        CompletableFuture<Void> taken = new CompletableFuture<>();
        batches.add(new LineBatches.Pending(event, sender, System.currentTimeMillis(), refused -> {
            if (refused == null) {
                taken.complete(null);
            }
            else {
                taken.completeExceptionally(refused);
            }
        }));
        try {
            taken.get(link.commandTimeout().toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RoomUnavailableException unavailable ? unavailable
                    : new RoomUnavailableException("Not appended: " + ex.getCause(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new RoomUnavailableException("Redis answered after the command timeout", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RoomUnavailableException("Interrupted", ex);
        }
    }

    /** The server's own line (admin's say) or a kick: one script call. */
    private void publishAlone(RoomEvent event) {
        List<Object> args = new ArrayList<>(
                List.of(instance + "-" + lines.incrementAndGet(), link.deadline(), RedisLink.STREAM_MAX,
                        properties.historySize(), event instanceof RoomEvent.Public line ? line.line() : ""));
        args.addAll(EventCodec.fields(event));
        args.addAll(List.of("o", instance));
        List<?> reply = link.run(link.scripts().publish, args.toArray());
        if ("LATE".equals(reply.get(0))) {
            throw RedisLink.late();
        }
        if ("PUBLISHED".equals(reply.get(0))) {
            follower.appended(1, String.valueOf(reply.get(1)));
        }
    }

    /** Whose line it is: told if a switch of primary loses it. */
    private static String senderOf(RoomEvent event) {
        if (event instanceof RoomEvent.Public line) {
            return line.fromId();
        }
        return event instanceof RoomEvent.Private message ? message.from().id() : null;
    }

    @Override
    public boolean available() {
        return link.available();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("redisReachable", link.available());
        details.put("redisPrimary", follower.primary());
        return details;
    }

    @Override
    public void start() {
        running = true;
        readerFactory = ReaderConnections.of(factory);
        follower.start(readerFactory);
        leases.start(room);
        log.info("Node {} joins the room in Redis (lease {})", node, properties.cluster().lease());
    }

    @Override
    public void stop() {
        running = false;
        leases.stop();
        follower.stop();
        batches.stop();
        ReaderConnections.close(readerFactory, factory);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the chat's TCP adapters (phase {@code Integer.MAX_VALUE / 2}), so the
     * port opens only once this node has joined the room and welcomes its first knock;
     * stops after them and after the chat server's own shutdown. Redis' connection
     * factory is started when it is created.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 - 1_000;
    }

}
