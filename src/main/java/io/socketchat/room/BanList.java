package io.socketchat.room;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The banned addresses, each until a time or until unbanned: kept in this JVM
 * ({@link Bans}) or, with several nodes, shared by all of them (the {@code cluster}
 * package). Every method may throw {@link RoomUnavailableException} when the bans are
 * shared and cannot be reached.
 */
public interface BanList {

    /**
     * @param until null for a ban that lasts until unbanned
     */
    record Ban(String address, Instant until, String reason) {
        public boolean isOver(Instant now) {
            return until != null && !now.isBefore(until);
        }
    }

    /** Bans the address, replacing any ban it had. */
    void ban(Ban ban);

    /**
     * @return false when the address was not banned (or its ban had run out)
     */
    boolean unban(String address);

    /** Asked for every new connection: answers from memory. */
    boolean isBanned(String address);

    /** The bans in force, by address. */
    List<Ban> list();

    /**
     * @param listener told the address when another node banned it (only with several
     * nodes), to show out the connections from it that are still choosing a name here
     */
    default void whenBannedElsewhere(Consumer<String> listener) {
    }

}
