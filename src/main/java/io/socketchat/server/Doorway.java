package io.socketchat.server;

import io.socketchat.protocol.InboundLine;
import io.socketchat.room.ClientConnections;

/**
 * A protocol other than the line protocol served on listeners of its own (IRC): who
 * receives their connections and how their lines are framed. The line protocol's ports
 * need none: their connections go to {@code room.Reception}.
 */
public interface Doorway {

    /** Whether connections of the listener (its bean name) come through this doorway. */
    boolean serves(String listenerName);

    /**
     * The longest line, in bytes, terminator excluded. Lines are framed by LF (a CR
     * before it dropped), never by a pause, and come decoded but not sanitized: control
     * characters may carry meaning (IRC's CTCP), so the doorway sanitizes what it passes
     * on.
     */
    int maxLineBytes();

    /** A new connection; its lines follow, in order, then its departure. */
    Visit arrived(String connectionId, String address, ClientConnections transport);

    /** One connection through the doorway. */
    interface Visit {

        void lineFrom(InboundLine line);

        /** The connection closed and every line it sent has been handled. */
        void departed();

    }

}
