package io.socketchat.room;

import io.socketchat.protocol.Username;

/**
 * A user in the room as every node knows it: the name, an id no other session on any node
 * has (the connection's id, which carries a random UUID), and the IP address it connected
 * from, so that a ban typed on any node finds it ({@code null} in events that do not
 * carry it).
 */
public record Member(String id, Username name, String address) {

    public Member(String id, Username name) {
        this(id, name, null);
    }
}
