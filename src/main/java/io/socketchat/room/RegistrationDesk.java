package io.socketchat.room;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Session.Stage;

import org.springframework.stereotype.Service;

/**
 * Where a face whose registration is its own (IRC) brings its connections: the same
 * checks at the door as the line protocol's, then the face drives the steps itself,
 * through {@link #passwordAccepted}, {@link #claimName}, {@link #registered} and
 * {@link #enter}. An account's password would be asked for between claimName and
 * registered: such a face takes no part in accounts yet.
 */
@Service
public class RegistrationDesk {

    private final ChatProperties properties;

    private final ChatMetrics metrics;

    private final ChatRoom room;

    private final Reception reception;

    private final FrontDoor door;

    public RegistrationDesk(ChatProperties properties, ChatMetrics metrics, ChatRoom room, Reception reception) {
        this.properties = properties;
        this.metrics = metrics;
        this.room = room;
        this.reception = reception;
        this.door = reception.door();
    }

    /**
     * A new connection of the face: the checks at the door, with no welcome line.
     * @param address the client's IP address as
     * {@link java.net.InetAddress#getHostAddress()} writes it
     * @param transport the transport the connection came in on: it writes the session's
     * outbox
     */
    public Session arrived(String connectionId, String address, ClientConnections transport, Face face) {
        return door.arrived(connectionId, address, transport, face);
    }

    /**
     * The accounts at this desk: an account's password is checked between
     * {@link #claimName} and {@link #registered}.
     */
    public FaceAccounts faceAccounts() {
        return reception.faceAccounts();
    }

    /**
     * The room password a face's registration brought (IRC's {@code PASS}), or null for
     * none. Wrong or missing, the session gets {@link Replies#WRONG_PASSWORD} as its last
     * line (a wrong one counts towards the address's lockout).
     * @return whether the session may go on
     */
    public boolean passwordAccepted(Session session, String attempt) {
        if (!properties.hasPassword()) {
            return true;
        }
        if (attempt == null) {
            metrics.dropped(DropReason.WRONG_PASSWORD);
            door.close(session, Replies.WRONG_PASSWORD);
            return false;
        }
        return door.passwordRight(session, attempt);
    }

    /**
     * Claims a name for a session that is not in the room, by the chat's name rules
     * (look-alikes of names in use are taken): the session holds it until it closes or
     * claims another.
     * @return null once held, else why not, as {@link Replies#nameRejected} words it
     */
    public String claimName(Session session, String candidate) {
        if (Username.check(candidate) instanceof Username.Check.Rejected rejected) {
            return reception.refusal(session, candidate, rejected.reason());
        }
        String reserved = reception.faceAccounts().refusal(session, candidate, false);
        return reserved != null ? reserved : room.hold(session, new Username(candidate));
    }

    /**
     * The session has registered: no longer timed as logging in, though it counts as
     * pending until it enters the room.
     */
    public void registered(Session session) {
        session.cancelLoginTimer();
    }

    /**
     * A registered session enters the room under the name it holds. A full room or a name
     * taken meanwhile on another node leaves it registered, outside; a ban or an
     * unreachable room turns it away.
     */
    public ChatRoom.Join enter(Session session) {
        if (!session.advance(Stage.NAME, Stage.JOINED)) {
            return ChatRoom.Join.JOINED;
        }
        if (!door.limits().seat(session)) {
            door.turnAway(session, Replies.TOO_MANY_FROM_ADDRESS, "per-address");
            return ChatRoom.Join.BANNED;
        }
        ChatRoom.Join outcome = room.join(session, session.name());
        if (outcome == ChatRoom.Join.JOINED) {
            return outcome;
        }
        door.limits().unseat(session);
        session.joinFailed();
        if (outcome == ChatRoom.Join.BANNED) {
            door.turnAway(session, Replies.BANNED, "banned");
        }
        else if (outcome == ChatRoom.Join.UNAVAILABLE) {
            door.turnAway(session, Replies.CHAT_UNAVAILABLE, "unavailable");
        }
        return outcome;
    }

    /** A session in the room leaves it and stays connected, pending again. */
    public boolean leaveRoom(Session session) {
        if (!session.advance(Stage.JOINED, Stage.NAME)) {
            return false;
        }
        room.leave(session);
        door.limits().unseat(session);
        return true;
    }

    /** The session leaves: out of the room, and closed once its replies are written. */
    public void quit(Session session) {
        if (session.stage() == Stage.JOINED) {
            room.leave(session);
        }
        else {
            // the nick is free at once, not once the client has seen the close and gone
            room.releaseHold(session);
        }
        session.outbox().closeWhenWritten();
    }

    /**
     * The client sent its last line and every line it sent has been handled (see
     * {@link Reception#departed}).
     */
    public void departed(Session session) {
        reception.departed(session);
    }

    /** Whether the session's line is within the rate limit. */
    public boolean withinRate(Session session) {
        return session.floodGuard().tryPass(System.nanoTime());
    }

}
