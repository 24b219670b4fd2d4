package io.socketchat.room;

import io.socketchat.protocol.Username;

/**
 * Names claimed outside the room's ledger: held by sessions not in the room yet (see
 * {@link HeldNames}), and checked against them on a join or a rename, so that a name has
 * one owner among the users in the room and those registering.
 */
final class NameClaims {

    private final RoomView view;

    private final RoomLedger ledger;

    private final HeldNames held = new HeldNames();

    NameClaims(RoomView view, RoomLedger ledger) {
        this.view = view;
        this.ledger = ledger;
    }

    /** Whether a connection other than this one holds the name or a look-alike. */
    boolean heldByOther(Username name, String connectionId) {
        return held.heldByOther(name, connectionId);
    }

    /** Whether another connection here holds that name or a look-alike. */
    boolean heldByOther(String name, Session session) {
        return held.heldByOther(Username.keyOf(name), session.connectionId());
    }

    /**
     * Holds a name for a session that is not in the room.
     * @return null when held, else why not ({@code is taken})
     */
    String hold(Session session, Username name) {
        if (!held.hold(session, name)) {
            return "is taken";
        }
        Member member = view.member(name.display());
        if (member != null && !member.id().equals(session.connectionId())) {
            held.release(session, name);
            return "is taken";
        }
        if (session.name() != null && !session.name().key().equals(name.key())) {
            held.release(session, session.name());
        }
        session.name(name);
        return null;
    }

    void release(Session session) {
        held.release(session, session.name());
    }

    /**
     * Renames a joined user in the ledger, moving the name it holds along.
     * @return null once renamed, else why not (the reasons of {@link Username#check},
     * {@code is taken})
     */
    String rename(Session session, String newName) {
        if (Username.check(newName) instanceof Username.Check.Rejected rejected) {
            // a look-alike of someone else's name is refused as taken, whatever else is
            // wrong with it
            Member lookAlike = Username.MIXES_SCRIPTS.equals(rejected.reason()) ? view.member(newName) : null;
            boolean taken = lookAlike != null && !lookAlike.id().equals(session.connectionId());
            return taken ? "is taken" : rejected.reason();
        }
        Username to = new Username(newName);
        boolean holding = held.holds(session);
        if (held.heldByOther(to, session.connectionId()) || (holding && !held.hold(session, to))) {
            return "is taken";
        }
        Username before = session.name();
        if (!ledger.rename(Departure.memberOf(session), to)) {
            if (holding && !before.key().equals(to.key())) {
                held.release(session, to);
            }
            return "is taken";
        }
        if (holding && !before.key().equals(to.key())) {
            held.release(session, before);
        }
        return null;
    }

}
