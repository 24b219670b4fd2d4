package io.socketchat.room;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Outboxes for the transport's unit tests, which live in another package. */
public final class Outboxes {

    private Outboxes() {
    }

    public static Outbox outbox(String connectionId, int limit, ClientConnections connections) {
        return new Outbox(connectionId, limit, connections, new ChatMetrics(new SimpleMeterRegistry()), () -> {
        });
    }

    /** Queues a line as the room does. */
    public static void offer(Outbox outbox, String line) {
        outbox.offer(line);
    }

}
