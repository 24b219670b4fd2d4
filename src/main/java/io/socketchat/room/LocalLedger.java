package io.socketchat.room;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.socketchat.protocol.Username;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The ledger of a single node: names and the order of events are kept in this JVM. One
 * lock orders every event, and each is applied to the room before the call returns.
 */
@Component
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "false", matchIfMissing = true)
public class LocalLedger implements RoomLedger {

    private final ReentrantLock lock = new ReentrantLock();

    /** Member id by {@link Username#key()}. */
    private final Map<String, String> owners = new HashMap<>();

    private Room room;

    @Override
    public void attach(Room room) {
        this.room = room;
    }

    @Override
    public ChatRoom.Join join(Member member, int maxClients) {
        lock.lock();
        try {
            if (owners.containsKey(member.name().key())) {
                return ChatRoom.Join.TAKEN;
            }
            if (owners.size() >= maxClients) {
                return ChatRoom.Join.FULL;
            }
            owners.put(member.name().key(), member.id());
            room.apply(new RoomEvent.Joined(member));
            return ChatRoom.Join.JOINED;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public boolean rename(Member member, Username to) {
        lock.lock();
        try {
            String owner = owners.get(to.key());
            if (owner != null && !owner.equals(member.id())) {
                return false;
            }
            owners.remove(member.name().key(), member.id());
            owners.put(to.key(), member.id());
            room.apply(new RoomEvent.Renamed(member, to));
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void leave(Member member, String notice) {
        lock.lock();
        try {
            if (owners.remove(member.name().key(), member.id())) {
                room.apply(new RoomEvent.Left(member, notice));
            }
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void publish(RoomEvent event) {
        lock.lock();
        try {
            room.apply(event);
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of();
    }

    /** For tests: nothing may close a connection while this is true. */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

}
