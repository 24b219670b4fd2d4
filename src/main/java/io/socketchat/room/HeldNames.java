package io.socketchat.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.socketchat.protocol.Username;

/**
 * Names held on this node by connections that chose one without being in the room: an IRC
 * client holds its nick from registration on, in the room or not, until it closes. Held
 * names are compared like names in the room (look-alikes are one name), so nobody else
 * here takes them meanwhile.
 */
final class HeldNames {

    /** Name key to the id of the connection holding it. */
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    /** Holds the name for the session; false when another connection holds it. */
    boolean hold(Session session, Username name) {
        String holder = holders.putIfAbsent(name.key(), session.connectionId());
        return holder == null || holder.equals(session.connectionId());
    }

    void release(Session session, Username name) {
        // most connections never hold a name: no name key to work out for them
        if (name != null && !holders.isEmpty()) {
            holders.remove(name.key(), session.connectionId());
        }
    }

    /** Whether a connection other than {@code connectionId} holds that name. */
    boolean heldByOther(Username name, String connectionId) {
        return !holders.isEmpty() && heldByOther(name.key(), connectionId);
    }

    /** As {@link #heldByOther(Username, String)}, by the name's key. */
    boolean heldByOther(String key, String connectionId) {
        String holder = holders.get(key);
        return holder != null && !holder.equals(connectionId);
    }

    boolean holds(Session session) {
        return !holders.isEmpty() && session.name() != null
                && session.connectionId().equals(holders.get(session.name().key()));
    }

}
