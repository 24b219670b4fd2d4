package io.socketchat.room;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The transport as a list of what the room asked of it; no socket, no thread. */
final class RecordingConnections implements ClientConnections {

    final List<Outbox> drainRequests = new CopyOnWriteArrayList<>();

    final List<String> closed = new CopyOnWriteArrayList<>();

    volatile boolean backlogged;

    @Override
    public void drain(Outbox outbox) {
        drainRequests.add(outbox);
    }

    @Override
    public boolean isBacklogged(String connectionId) {
        return backlogged;
    }

    @Override
    public void close(String connectionId) {
        closed.add(connectionId);
    }

}
