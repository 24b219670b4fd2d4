package io.socketchat.cluster;

import java.time.Duration;

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

    private volatile boolean available;

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

    /** Redis answered; returns whether it had been unreachable. */
    boolean reachable() {
        boolean was = available;
        available = true;
        return !was;
    }

    void unreachable(RuntimeException failure) {
        if (available) {
            log.warn("Redis is unreachable; the chat is unavailable until it is back: {}", failure.getMessage());
        }
        available = false;
    }

}
