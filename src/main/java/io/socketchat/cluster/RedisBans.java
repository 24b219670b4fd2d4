package io.socketchat.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.socketchat.room.BanList;
import io.socketchat.room.RoomUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The bans of every node, in the room's {@code bans} hash (address → "until ms\nreason",
 * 0 for until unbanned; a ban whose time ran out is no ban). A ban or unban is one script
 * that also appends a {@code B} entry to the room's stream: every node's reader hears of
 * it within milliseconds and reads the bans again at the next connection, so the door
 * asks Redis only after a change. A join script refuses a banned address itself, so no
 * join slips in meanwhile.
 */
final class RedisBans implements BanList {

    private static final Logger log = LoggerFactory.getLogger(RedisBans.class);

    private final RedisLedger ledger;

    private final StringRedisTemplate redis;

    private final Clock clock;

    /** Changes heard of, and the change the remembered bans were read after. */
    private final AtomicLong changes = new AtomicLong(1);

    private volatile long readAfter;

    private volatile Map<String, Ban> remembered = Map.of();

    private volatile Consumer<String> bannedElsewhere = address -> {
    };

    RedisBans(RedisLedger ledger, StringRedisTemplate redis, Clock clock) {
        this.ledger = ledger;
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * The bans may have changed: read them again before the next answer.
     * @param address the address banned or unbanned, null when not known
     * @param here whether this node did it
     */
    void changed(String address, boolean here) {
        changes.incrementAndGet();
        if (address != null && !here && isBanned(address)) {
            bannedElsewhere.accept(address);
        }
    }

    /**
     * Returns once this node's reader has applied the ban: then the room as this node
     * sees it holds every member who joined before it (later joins are refused by the
     * join script).
     */
    @Override
    public void ban(Ban ban) {
        RedisLink link = ledger.link();
        List<?> reply = link.run(link.scripts().ban, ban.address(),
                ban.until() == null ? 0 : ban.until().toEpochMilli(), ban.reason(), RedisLink.STREAM_MAX,
                ledger.instance());
        changes.incrementAndGet();
        ledger.follower().awaitApplied(reply);
    }

    @Override
    public void whenBannedElsewhere(Consumer<String> listener) {
        this.bannedElsewhere = listener;
    }

    @Override
    public boolean unban(String address) {
        RedisLink link = ledger.link();
        Long wasBanned = link.run(link.scripts().unban, address, RedisLink.STREAM_MAX, ledger.instance());
        changes.incrementAndGet();
        return wasBanned != null && wasBanned == 1;
    }

    @Override
    public boolean isBanned(String address) {
        if (readAfter != changes.get()) {
            try {
                read();
            }
            catch (RuntimeException ex) {
                // the door answers from what it last read; the join script checks again
                log.debug("Cannot read the bans; answering from the last read: {}", ex.getMessage());
            }
        }
        Ban ban = remembered.get(address);
        return ban != null && !ban.isOver(clock.instant());
    }

    @Override
    public List<Ban> list() {
        Instant now = clock.instant();
        return read().values()
            .stream()
            .filter(ban -> !ban.isOver(now))
            .sorted(Comparator.comparing(Ban::address))
            .toList();
    }

    private Map<String, Ban> read() {
        if (!ledger.available()) {
            throw new RoomUnavailableException("Redis is unreachable", null);
        }
        long change = changes.get();
        Map<Object, Object> entries;
        try {
            entries = redis.opsForHash().entries(RoomKeys.ROOM.bans());
        }
        catch (RuntimeException ex) {
            throw new RoomUnavailableException("Redis is unreachable: " + ex.getMessage(), ex);
        }
        Map<String, Ban> bans = new HashMap<>();
        entries.forEach((address, value) -> {
            String[] untilAndReason = String.valueOf(value).split("\n", 2);
            long until = Long.parseLong(untilAndReason[0]);
            bans.put(String.valueOf(address),
                    new Ban(String.valueOf(address), until == 0 ? null : Instant.ofEpochMilli(until),
                            untilAndReason.length > 1 ? untilAndReason[1] : ""));
        });
        remembered = bans;
        readAfter = change;
        return bans;
    }

}
