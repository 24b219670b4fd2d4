package io.socketchat.room;

import java.util.List;

/**
 * What follows every change to the room, once no lock is held: the departures queued
 * while events were applied are carried out, then the calling thread is held while the
 * server catches up on the outboxes found behind (the server's own backpressure: the
 * sender's further lines wait in TCP buffers meanwhile).
 */
final class CatchUp {

    /** Longest a sender is held while the server catches up on its readers. */
    private static final long CATCH_UP_MILLIS = 5_000;

    private final RoomView view;

    private final RoomLedger ledger;

    private final ChatMetrics metrics;

    CatchUp(RoomView view, RoomLedger ledger, ChatMetrics metrics) {
        this.view = view;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** No lock may be held. */
    void settle() {
        Departure departure;
        while ((departure = view.nextDeparture()) != null) {
            departure.carryOut(view, ledger, metrics);
        }
        List<Outbox> behind = view.takeBehind();
        if (!behind.isEmpty()) {
            awaitCatchUp(behind);
        }
    }

    private void awaitCatchUp(List<Outbox> outboxes) {
        long deadline = System.nanoTime() + CATCH_UP_MILLIS * 1_000_000;
        try {
            for (Outbox outbox : outboxes) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                outbox.awaitCatchUp(left);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
