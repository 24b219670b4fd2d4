package io.socketchat.room;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.socketchat.accounts.AccountBook;
import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Sanitizer;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Session.Stage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Where connections of the line protocol arrive: through the {@link FrontDoor}'s checks,
 * then the login dialogue: the password and the choice of a name (and, with accounts, the
 * {@link AccountQuestions} after it). Once a client has a name its lines go to the
 * {@link ChatRoom}. Faces with a registration of their own come in at the
 * {@link RegistrationDesk}.
 */
@Service
public class Reception {

    private static final int MAX_NAME_TRIES = 5;

    private final ChatProperties properties;

    private final ChatRoom room;

    private final Doors doors;

    private final ChatMetrics metrics;

    private final TaskScheduler scheduler;

    private final FrontDoor door;

    private final AccountQuestions accounts;

    private final FaceAccounts faceAccounts;

    @Autowired
    public Reception(ChatProperties properties, ChatRoom room, Doors doors, Bouncer bouncer, ChatMetrics metrics,
            TaskScheduler scheduler, AccountBook accountBook) {
        this(properties, room, doors, bouncer, metrics, scheduler, Clock.systemUTC(), accountBook);
    }

    Reception(ChatProperties properties, ChatRoom room, Doors doors, Bouncer bouncer, ChatMetrics metrics,
            TaskScheduler scheduler, Clock clock) {
        this(properties, room, doors, bouncer, metrics, scheduler, clock,
                new AccountBook(properties, Optional.empty()));
    }

    private Reception(ChatProperties properties, ChatRoom room, Doors doors, Bouncer bouncer, ChatMetrics metrics,
            TaskScheduler scheduler, Clock clock, AccountBook accountBook) {
        this.properties = properties;
        this.room = room;
        this.doors = doors;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.door = new FrontDoor(properties, room, doors, bouncer, metrics, scheduler, clock);
        this.accounts = new AccountQuestions(accountBook, this, room,
                properties.maxPending() + properties.maxClients());
        this.faceAccounts = new FaceAccounts(accountBook, accounts, this);
    }

    /** The accounts at the door of a face whose registration is its own (IRC). */
    FaceAccounts faceAccounts() {
        return faceAccounts;
    }

    /** The checks at the door, shared with the {@link RegistrationDesk}. */
    FrontDoor door() {
        return door;
    }

    /**
     * Loads the name tables (look-alike keys, collation), which take a few hundred
     * milliseconds, ahead of the first join; a user who joins sooner waits for them.
     */
    public static void loadNameTables() {
        Username.loadTables();
        Roster.loadTables();
    }

    /**
     * A new connection: greet it, or turn it away with the reason.
     * @param address the client's IP address as
     * {@link java.net.InetAddress#getHostAddress()} writes it
     * @param transport the transport the connection came in on (TCP, WebSocket): it
     * writes the session's outbox
     */
    public Session arrived(String connectionId, String address, ClientConnections transport) {
        return door.arrived(connectionId, address, transport, LineFace.INSTANCE);
    }

    /**
     * One line from the client, in the order sent. While an account check runs, the line
     * waits in the session and is handled after it, in order.
     */
    public void lineFrom(Session session, InboundLine line) {
        if (!session.hold(line)) {
            handle(session, line);
        }
    }

    /**
     * An account check is done: the lines held meanwhile (and the departure) are handled
     * now, unless one of them starts another check.
     */
    void resume(Session session) {
        for (Object next = session.nextHeld(); next != null; next = session.nextHeld()) {
            if (next == Session.DEPARTURE) {
                depart(session);
            }
            else if (session.faceLines() != null) {
                session.faceLines().accept((InboundLine) next);
            }
            else {
                handle(session, (InboundLine) next);
            }
        }
    }

    private void handle(Session session, InboundLine line) {
        Stage stage = session.stage();
        if (stage == Stage.GONE) {
            return;
        }
        if (line instanceof InboundLine.TooLong) {
            session.send(Replies.lineTooLong(properties.maxLineBytes()));
            return;
        }
        String text = ((InboundLine.Text) line).text();
        if (session.talk() != null && stage != Stage.PASSWORD) {
            if (stage == Stage.JOINED && isLeaving(text)) {
                // leaving is never refused, not even in the middle of a question (no
                // password is this short)
                session.talk(null);
            }
            else {
                accounts.answer(session, text);
                return;
            }
        }
        switch (stage) {
            case PASSWORD -> checkPassword(session, text);
            case NAME -> chooseName(session, text.strip());
            case JOINED -> {
                // leaving is never refused, however fast the user types
                if (session.floodGuard().tryPass(System.nanoTime())
                        || ChatCommand.parse(text) instanceof ChatCommand.Leave) {
                    if (!accounts.enabled() || !accounts.takes(session, text)) {
                        room.handle(session, text);
                    }
                }
                else {
                    session.send(Replies.TOO_FAST);
                }
            }
        }
    }

    /**
     * The client sent its last line (it closed or half-closed the connection) and every
     * line it sent has been handled. Answers still queued are written if the client still
     * reads, for at most the shutdown grace.
     */
    public void departed(Session session) {
        if (!session.holdDeparture()) {
            depart(session);
        }
    }

    private void depart(Session session) {
        doors.left(session);
        room.releaseHold(session);
        if (session.end() == Stage.JOINED) {
            room.leave(session);
        }
        door.limits().departed(session);
        session.outbox().closeWhenWritten();
        if (!session.outbox().isClosed()) {
            try {
                scheduler.schedule(() -> session.outbox().closeNow(), Instant.now().plus(properties.shutdownGrace()));
            }
            catch (TaskRejectedException shuttingDown) {
                session.outbox().closeNow();
            }
        }
    }

    private void checkPassword(Session session, String attempt) {
        if (door.passwordRight(session, attempt) && session.advance(Stage.PASSWORD, Stage.NAME)) {
            session.send(Replies.welcome(properties.name()));
        }
    }

    private void chooseName(Session session, String typed) {
        String candidate = Sanitizer.stripName(typed);
        if (candidate.isEmpty()) {
            return;
        }
        Refusal refusal;
        if (Username.check(candidate) instanceof Username.Check.Rejected rejected) {
            refusal = Refusal.of(candidate, refusal(session, candidate, rejected.reason()));
        }
        else if (accounts.enabled()) {
            refusal = accounts.atTheDoor(session, new Username(candidate));
        }
        else {
            refusal = Refusal.of(candidate, join(session, new Username(candidate)));
        }
        refuse(session, refusal);
    }

    private static boolean isLeaving(String text) {
        String word = text.strip();
        return word.equals("exit") || word.equals("/quit");
    }

    /** Asks for another name, or closes after the last try. */
    void refuse(Session session, Refusal refusal) {
        if (refusal == null) {
            return;
        }
        if (session.countNameTry() >= MAX_NAME_TRIES) {
            metrics.dropped(DropReason.TOO_MANY_TRIES);
            session.send(refusal.last());
            close(session, Replies.TOO_MANY_TRIES);
            return;
        }
        session.send(refusal.again());
    }

    /**
     * A look-alike of an account's name is refused as registered, of a user's name as
     * taken, whatever else is wrong with it.
     */
    String refusal(Session session, String candidate, String reason) {
        if (!Username.MIXES_SCRIPTS.equals(reason)) {
            return reason;
        }
        if (accounts.isRegisteredLookAlike(candidate)) {
            return "is registered";
        }
        return room.member(candidate) != null || room.heldByOther(candidate, session) ? "is taken" : reason;
    }

    /**
     * @return null once joined or closed, else why the name was refused
     */
    String join(Session session, Username name) {
        if (!session.advance(Stage.NAME, Stage.JOINED)) {
            return null;
        }
        // no longer logging in: counted off before the Hello line goes out
        if (!door.limits().seat(session)) {
            turnAway(session, Replies.TOO_MANY_FROM_ADDRESS, "per-address");
            return null;
        }
        ChatRoom.Join outcome = room.join(session, name);
        if (outcome == ChatRoom.Join.JOINED) {
            session.cancelLoginTimer();
            return null;
        }
        door.limits().unseat(session);
        if (!session.joinFailed()) {
            // the login time ran out during the attempt
            door.timedOut(session);
            return null;
        }
        if (outcome == ChatRoom.Join.TAKEN) {
            return "is taken";
        }
        if (outcome == ChatRoom.Join.BANNED) {
            turnAway(session, Replies.BANNED, "banned");
            return null;
        }
        if (outcome == ChatRoom.Join.UNAVAILABLE) {
            turnAway(session, Replies.CHAT_UNAVAILABLE, "unavailable");
            return null;
        }
        // with several nodes this node may not have seen the join that took the last
        // place yet
        turnAway(session, Replies.serverFull(Math.max(room.size(), properties.maxClients()), properties.maxClients()),
                "full");
        return null;
    }

    /** A fresh login time from now: for choosing a password after an invite code. */
    void restartLoginTimer(Session session) {
        door.restartLoginTimer(session);
    }

    void turnAway(Session session, String reason, String tag) {
        door.turnAway(session, reason, tag);
    }

    /**
     * Ends the session (if it has not ended yet) with a last line, and frees its place
     * for logging in.
     */
    void close(Session session, String lastLine) {
        door.close(session, lastLine);
    }

    /** The same, with the last lines already in the session's face. */
    void close(Session session, byte[] lastLines) {
        door.close(session, lastLines);
    }

}
