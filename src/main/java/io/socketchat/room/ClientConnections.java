package io.socketchat.room;

/** The transport as the room sees it: write bytes to one connection, or close it. */
public interface ClientConnections {

    /**
     * Writes the bytes to the connection; may block while the client's socket buffer is full.
     * @return false when the connection is gone
     */
    boolean write(String connectionId, byte[] bytes);

    void close(String connectionId);
}
