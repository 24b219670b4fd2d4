package io.socketchat.cluster;

import java.time.Duration;
import java.util.List;

import io.socketchat.room.RoomUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Redis as this node reaches it: runs the room's scripts and knows whether Redis answers.
 * While it does not, every change is refused at once, so a user is answered at once; the
 * stream reader says when Redis is back.
 */
final class RedisLink {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    /**
     * Entries kept in the stream: how far a node may fall behind (the history is kept
     * apart).
     */
    static final int STREAM_MAX = 10_000;

    private final StringRedisTemplate redis;

    private final Duration commandTimeout;

    private final LedgerScripts scripts = new LedgerScripts();

    private static final long REFUSED_WRITES_NANOS = 1_000_000_000L;

    private volatile boolean available;

    private volatile long writesRefusedAt = System.nanoTime() - REFUSED_WRITES_NANOS;

    RedisLink(StringRedisTemplate redis, Duration commandTimeout) {
        this.redis = redis;
        this.commandTimeout = commandTimeout;
    }

    LedgerScripts scripts() {
        return scripts;
    }

    Duration commandTimeout() {
        return commandTimeout;
    }

    boolean available() {
        return available;
    }

    /** Runs one of the room's scripts, refused at once while Redis is unreachable. */
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

    /** Runs a script whatever Redis' state; failures are the caller's. */
    <T> T execute(RedisScript<T> script, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return redis.execute(script, RoomKeys.ROOM.all(), strings);
    }

    /**
     * The members' entries ("key\ndisplay name\naddress"), null for a member Redis does
     * not hold.
     */
    List<String> memberEntries(List<String> memberIds) {
        List<Object> entries = redis.opsForHash().multiGet(RoomKeys.ROOM.members(), List.copyOf(memberIds));
        return entries.stream().map(entry -> entry == null ? null : String.valueOf(entry)).toList();
    }

    /**
     * When a command must have run, by Redis' clock: a command Redis reads only after
     * this node gave up waiting (Redis paused) must not take effect, since the user was
     * told it did not. (Assumes the nodes' clocks and Redis' agree within the command
     * timeout.)
     */
    long deadline() {
        return System.currentTimeMillis() + commandTimeout.toMillis();
    }

    static RoomUnavailableException late() {
        return new RoomUnavailableException("Redis answered after the command timeout", null);
    }

    /**
     * Redis answered a read; returns whether it had been unreachable. A Redis that
     * refused a write in the last second (a primary cut off from its replicas, or one
     * turned replica) stays unavailable meanwhile, though it answers reads.
     */
    boolean reachable() {
        if (System.nanoTime() - writesRefusedAt < REFUSED_WRITES_NANOS) {
            return false;
        }
        boolean was = available;
        available = true;
        return !was;
    }

    void unreachable(RuntimeException failure) {
        if (refusesWrites(failure)) {
            writesRefusedAt = System.nanoTime();
        }
        if (available) {
            log.warn("Redis is unreachable; the chat is unavailable until it is back: {}", failure.getMessage());
        }
        available = false;
    }

    /** NOREPLICAS, READONLY, MASTERDOWN: Redis answers, but takes no writes now. */
    private static boolean refusesWrites(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("NOREPLICAS") || message.contains("READONLY") || message.contains("MASTERDOWN")) {
                return true;
            }
        }
        return false;
    }

}
