package io.socketchat.room;

/**
 * A transport as the room sees it (TCP, WebSocket): a session's outbox is written by the
 * transport it came in on.
 */
public interface ClientConnections {

    /**
     * Asks for the outbox to be drained to its connection. Returns at once: the transport
     * takes the outbox's batches ({@link Outbox#nextBatch()}, or
     * {@link Outbox#nextBatch(java.nio.ByteBuffer)} into a buffer of its own) as the
     * client's socket can take them, on a thread of its own, until
     * {@link Outbox#finishDrain()} says the drain is over.
     */
    void drain(Outbox outbox);

    /**
     * True while the client's socket is full: bytes written earlier still wait for the
     * client to read them.
     */
    boolean isBacklogged(String connectionId);

    void close(String connectionId);

}
