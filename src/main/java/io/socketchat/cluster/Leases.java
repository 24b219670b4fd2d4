package io.socketchat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.RoomLedger;

import org.springframework.scheduling.TaskScheduler;

/**
 * Renews the leases of this node's users, and lets go of the users of nodes that stopped
 * renewing theirs (killed, cut off) once their lease and a grace have run out.
 */
final class Leases {

    /**
     * How long past its lease a member is kept, so that a short stall of Redis drops
     * nobody.
     */
    static final Duration REAP_GRACE = Duration.ofSeconds(2);

    private final RedisLink link;

    private final ChatProperties properties;

    private final TaskScheduler scheduler;

    private ScheduledFuture<?> renewal;

    Leases(RedisLink link, ChatProperties properties, TaskScheduler scheduler) {
        this.link = link;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    void start(RoomLedger.Room room) {
        Duration lease = properties.cluster().lease();
        Duration every = Duration.ofMillis(Math.max(250, lease.toMillis() / 3));
        // also how often members of stopped nodes are let go: at most a second late
        Duration second = Duration.ofSeconds(1);
        renewal = scheduler.scheduleAtFixedRate(() -> renew(room), every.compareTo(second) <= 0 ? every : second);
    }

    void stop() {
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    private void renew(RoomLedger.Room room) {
        List<Object> args = new ArrayList<>(
                List.of(properties.cluster().lease().toMillis(), REAP_GRACE.toMillis(), RedisLink.STREAM_MAX));
        room.membersHere().forEach(member -> args.add(member.id()));
        try {
            link.execute(link.scripts().renew, args.toArray());
        }
        catch (RuntimeException ex) {
            link.unreachable(ex);
        }
    }

}
