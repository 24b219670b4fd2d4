package io.socketchat.room;

import io.socketchat.room.ChatMetrics.DropReason;

/**
 * A user the room takes out, carried out once no lock is held: told {@code farewell} (if
 * any) and closed once it is written, or closed at once without one; the others are told
 * {@code notice} through the ledger (null when the room already let the user go).
 */
record Departure(Session session, DropReason reason, String farewell, String notice) {

    /** Does nothing if the session already left by another way. */
    void carryOut(RoomView view, RoomLedger ledger, ChatMetrics metrics) {
        if (session.end() != Session.Stage.JOINED) {
            return;
        }
        if (notice != null) {
            view.withdraw(session);
            metrics.dropped(reason);
            leave(ledger, memberOf(session), notice);
        }
        if (farewell != null) {
            session.sendLast(farewell);
            session.outbox().closeWhenWritten();
        }
        else {
            session.outbox().closeNow();
        }
    }

    static Member memberOf(Session session) {
        return new Member(session.connectionId(), session.name(), session.address());
    }

    /**
     * Frees the member's place; if the store cannot be reached, it frees it when the
     * lease runs out.
     */
    static void leave(RoomLedger ledger, Member member, String notice) {
        try {
            ledger.leave(member, notice);
        }
        catch (RoomUnavailableException ex) {
            // this node no longer renews the member's lease
        }
    }
}
