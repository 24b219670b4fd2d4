package io.socketchat.room;

import io.socketchat.protocol.Username;

/**
 * A user in the room as every node knows it: the name, and an id no other session on any node has
 * (the connection's id, which carries a random UUID).
 */
public record Member(String id, Username name) {
}
