package io.socketchat.room;

import java.time.Clock;
import java.time.Instant;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Session.Stage;

import org.springframework.scheduling.TaskScheduler;

/**
 * The checks at the door every connection passes, whatever face it speaks: closing time,
 * an unreachable room, bans, password lockout, limits per address, a full chat, too many
 * logging in; then the login time, and the room password's check. Both the
 * {@link Reception} and the {@link RegistrationDesk} bring their connections here.
 */
final class FrontDoor {

    private final ChatProperties properties;

    private final ChatRoom room;

    private final Doors doors;

    private final Bouncer bouncer;

    private final ChatMetrics metrics;

    private final TaskScheduler scheduler;

    private final AddressLimits limits;

    private final PasswordCheck password;

    FrontDoor(ChatProperties properties, ChatRoom room, Doors doors, Bouncer bouncer, ChatMetrics metrics,
            TaskScheduler scheduler, Clock clock) {
        this.properties = properties;
        this.room = room;
        this.doors = doors;
        this.bouncer = bouncer;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.limits = new AddressLimits(properties.maxConnectionsPerAddress(), properties.maxPending(),
                properties.maxClients());
        this.password = new PasswordCheck(properties.password(), properties.passwordAttempts(), clock);
    }

    /** The places per address and for logging in, taken and given back as sessions go. */
    AddressLimits limits() {
        return limits;
    }

    /**
     * A new connection: admitted (greeted, for the line protocol) and timed as logging
     * in, or turned away with the reason.
     */
    Session arrived(String connectionId, String address, ClientConnections transport, Face face) {
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

    /** Closes the session with the reason when the password is wrong. */
    boolean passwordRight(Session session, String attempt) {
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

    /** A fresh login time from now: for choosing a password after an invite code. */
    void restartLoginTimer(Session session) {
        session.cancelLoginTimer();
        session.loginTimer(
                scheduler.schedule(() -> loginTimedOut(session), Instant.now().plus(properties.loginTimeout())));
    }

    private void loginTimedOut(Session session) {
        if (session.loginTimedOut()) {
            timedOut(session);
        }
    }

    void timedOut(Session session) {
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
