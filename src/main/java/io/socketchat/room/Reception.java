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
 * Where connections arrive: the checks at the door (closing time, bans, password lockout,
 * limits per address, a full chat, too many logging in), then the login dialogue: the
 * password and the choice of a name (and, with accounts, the {@link AccountQuestions}
 * after it). Once a client has a name its lines go to the {@link ChatRoom}.
 */
@Service
public class Reception {

    private static final int MAX_NAME_TRIES = 5;

    private final ChatProperties properties;

    private final ChatRoom room;

    private final Doors doors;

    private final Bouncer bouncer;

    private final ChatMetrics metrics;

    private final TaskScheduler scheduler;

    private final AddressLimits limits;

    private final PasswordCheck password;

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
        this.bouncer = bouncer;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.limits = new AddressLimits(properties.maxConnectionsPerAddress(), properties.maxPending(),
                properties.maxClients());
        this.password = new PasswordCheck(properties.password(), properties.passwordAttempts(), clock);
        this.accounts = new AccountQuestions(accountBook, this, room,
                properties.maxPending() + properties.maxClients());
        this.faceAccounts = new FaceAccounts(accountBook, accounts, this);
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
        return arrived(connectionId, address, transport, LineFace.INSTANCE);
    }

    /**
     * A new connection of another face (IRC): the same checks at the door, with no
     * welcome line. The face's own registration follows, through
     * {@link #passwordAccepted}, {@link #claimName}, {@link #registered} and
     * {@link #enter}.
     */
    public Session arrived(String connectionId, String address, ClientConnections transport, Face face) {
        boolean lineProtocol = face == LineFace.INSTANCE;
        Session session = new Session(connectionId, address,
                new Outbox(connectionId, properties.sendQueueLimit(), transport, metrics, doors.outboxOpened()),
                new FloodGuard(properties.rateLimit(), System.nanoTime()),
                properties.hasPassword() && lineProtocol ? Stage.PASSWORD : Stage.NAME, face);
        doors.entered(session);
        if (doors.isClosing()) {
            turnAway(session, Replies.SHUTTING_DOWN, "shutting-down");
        }
        else if (!room.available()) {
            turnAway(session, Replies.CHAT_UNAVAILABLE, "unavailable");
        }
        else if (bouncer.isBanned(address)) {
            turnAway(session, Replies.BANNED, "banned");
        }
        else if (properties.hasPassword() && password.isLockedOut(address)) {
            turnAway(session, Replies.TOO_MANY_WRONG_PASSWORDS, "locked-out");
        }
        else if (room.isFull()) {
            turnAway(session, Replies.serverFull(room.size(), properties.maxClients()), "full");
        }
        else {
            admit(session);
        }
        return session;
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
        limits.departed(session);
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

    // Entry points for a face whose registration is its own (IRC). An account's password
    // is checked between claimName and registered, by the faceAccounts.

    /** The accounts at the door of a face whose registration is its own. */
    public FaceAccounts faceAccounts() {
        return faceAccounts;
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
            close(session, Replies.WRONG_PASSWORD);
            return false;
        }
        return passwordRight(session, attempt);
    }

    /**
     * Claims a name for a session that is not in the room, by the chat's name rules
     * (look-alikes of names in use are taken): the session holds it until it closes or
     * claims another.
     * @return null once held, else why not, as {@link Replies#nameRejected} words it
     */
    public String claimName(Session session, String candidate) {
        if (Username.check(candidate) instanceof Username.Check.Rejected rejected) {
            return refusal(session, candidate, rejected.reason());
        }
        String reserved = faceAccounts.refusal(session, candidate, false);
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
        if (!limits.seat(session)) {
            turnAway(session, Replies.TOO_MANY_FROM_ADDRESS, "per-address");
            return ChatRoom.Join.BANNED;
        }
        ChatRoom.Join outcome = room.join(session, session.name());
        if (outcome == ChatRoom.Join.JOINED) {
            return outcome;
        }
        limits.unseat(session);
        session.joinFailed();
        if (outcome == ChatRoom.Join.BANNED) {
            turnAway(session, Replies.BANNED, "banned");
        }
        else if (outcome == ChatRoom.Join.UNAVAILABLE) {
            turnAway(session, Replies.CHAT_UNAVAILABLE, "unavailable");
        }
        return outcome;
    }

    /** A session in the room leaves it and stays connected, pending again. */
    public boolean leaveRoom(Session session) {
        if (!session.advance(Stage.JOINED, Stage.NAME)) {
            return false;
        }
        room.leave(session);
        limits.unseat(session);
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

    /** Whether the session's line is within the rate limit. */
    public boolean withinRate(Session session) {
        return session.floodGuard().tryPass(System.nanoTime());
    }

    private void admit(Session session) {
        AddressLimits.Admission admission = limits.admit(session);
        switch (admission.verdict()) {
            case PER_ADDRESS -> turnAway(session, Replies.TOO_MANY_FROM_ADDRESS, "per-address");
            case BUSY -> turnAway(session, Replies.SERVER_BUSY, "busy");
            case ADMITTED -> {
                if (admission.evicted() != null) {
                    // its place went to a newcomer from an address holding fewer
                    turnAway(admission.evicted(), Replies.SERVER_BUSY, "busy");
                }
                if (session.face() == LineFace.INSTANCE) {
                    session.send(properties.hasPassword() ? Replies.PASSWORD : Replies.welcome(properties.name()));
                }
                session.loginTimer(scheduler.schedule(() -> loginTimedOut(session),
                        Instant.now().plus(properties.loginTimeout())));
            }
        }
    }

    private void checkPassword(Session session, String attempt) {
        if (passwordRight(session, attempt) && session.advance(Stage.PASSWORD, Stage.NAME)) {
            session.send(Replies.welcome(properties.name()));
        }
    }

    /** Closes the session with the reason when the password is wrong. */
    private boolean passwordRight(Session session, String attempt) {
        switch (password.check(session.address(), attempt)) {
            case RIGHT -> {
                return true;
            }
            case WRONG -> {
                metrics.dropped(DropReason.WRONG_PASSWORD);
                close(session, Replies.WRONG_PASSWORD);
            }
            case LOCKED_OUT -> {
                metrics.dropped(DropReason.WRONG_PASSWORD);
                close(session, Replies.TOO_MANY_WRONG_PASSWORDS);
            }
        }
        return false;
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
    private String refusal(Session session, String candidate, String reason) {
        if (!Username.MIXES_SCRIPTS.equals(reason)) {
            return reason;
        }
        if (accounts.isRegisteredLookAlike(candidate)) {
            return "is registered";
        }
        return room.member(candidate) != null || room.heldByOther(candidate, session) ? "is taken" : reason;
    }

    /** A fresh login time from now: for choosing a password after an invite code. */
    void restartLoginTimer(Session session) {
        session.cancelLoginTimer();
        session.loginTimer(
                scheduler.schedule(() -> loginTimedOut(session), Instant.now().plus(properties.loginTimeout())));
    }

    /**
     * @return null once joined or closed, else why the name was refused
     */
    String join(Session session, Username name) {
        if (!session.advance(Stage.NAME, Stage.JOINED)) {
            return null;
        }
        // no longer logging in: counted off before the Hello line goes out
        if (!limits.seat(session)) {
            turnAway(session, Replies.TOO_MANY_FROM_ADDRESS, "per-address");
            return null;
        }
        ChatRoom.Join outcome = room.join(session, name);
        if (outcome == ChatRoom.Join.JOINED) {
            session.cancelLoginTimer();
            return null;
        }
        limits.unseat(session);
        if (!session.joinFailed()) {
            // the login time ran out during the attempt
            timedOut(session);
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

    private void loginTimedOut(Session session) {
        if (session.loginTimedOut()) {
            timedOut(session);
        }
    }

    private void timedOut(Session session) {
        metrics.dropped(DropReason.LOGIN_TIMEOUT);
        close(session, Replies.loginTimedOut(properties.loginTimeout()));
    }

    void turnAway(Session session, String reason, String tag) {
        metrics.rejected(tag);
        close(session, reason);
    }

    /**
     * Ends the session (if it has not ended yet) with a last line, and frees its place
     * for logging in.
     */
    void close(Session session, String lastLine) {
        close(session, session.face().farewell(session.name(), lastLine));
    }

    /** The same, with the last lines already in the session's face. */
    void close(Session session, byte[] lastLines) {
        if (session.end() != Stage.JOINED) {
            // the name it held is free at once, not once the client has gone
            room.releaseHold(session);
        }
        session.deliver(lastLines);
        session.outbox().closeWhenWritten();
        limits.stoppedLoggingIn(session);
    }

}
