package io.socketchat.room;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
        return locked(() -> {
            if (owners.containsKey(member.name().key())) {
                return ChatRoom.Join.TAKEN;
            }
            if (owners.size() >= maxClients) {
                return ChatRoom.Join.FULL;
            }
            owners.put(member.name().key(), member.id());
            room.apply(new RoomEvent.Joined(member));
            return ChatRoom.Join.JOINED;
        });
    }

    @Override
    public boolean rename(Member member, Username to) {
        return locked(() -> {
            String owner = owners.get(to.key());
            if (owner != null && !owner.equals(member.id())) {
                return false;
            }
            owners.remove(member.name().key(), member.id());
            owners.put(to.key(), member.id());
            room.apply(new RoomEvent.Renamed(member, to));
            return true;
        });
    }

    @Override
    public void leave(Member member, String notice) {
        locked(() -> {
            if (owners.remove(member.name().key(), member.id())) {
                room.apply(new RoomEvent.Left(member, notice));
            }
            return null;
        });
    }

    @Override
    public void publish(RoomEvent event) {
        locked(() -> {
            room.apply(event);
            return null;
        });
    }

    /** Runs {@code work} holding the one lock that orders every event. */
    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
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
