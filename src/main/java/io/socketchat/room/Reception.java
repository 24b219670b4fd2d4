package io.socketchat.room;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Session.Stage;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Where connections arrive: the welcome line, the password, the choice of a name, and the
 * limits that keep a flood of connections from exhausting the server. Once a client has a
 * name its lines go to the {@link ChatRoom}.
 */
@Service
public class Reception {

    private static final int MAX_NAME_TRIES = 5;

    private final ChatProperties properties;
    private final ChatRoom room;
    private final ChatMetrics metrics;
    private final ClientConnections connections;
    private final TaskScheduler scheduler;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object openOutboxes = new Object();
    private int open;
    private volatile boolean closing;

    public Reception(ChatProperties properties, ChatRoom room, ChatMetrics metrics, ClientConnections connections,
            TaskScheduler scheduler) {
        this.properties = properties;
        this.room = room;
        this.metrics = metrics;
        this.connections = connections;
        this.scheduler = scheduler;
    }

    /** A new connection: greet it, or turn it away with the reason. */
    public Session arrived(String connectionId) {
        Session session = new Session(connectionId, newOutbox(connectionId),
                new FloodGuard(properties.rateLimit(), System.nanoTime()),
                properties.hasPassword() ? Stage.PASSWORD : Stage.NAME);
        sessions.put(connectionId, session);
        if (closing) {
            turnAway(session, Replies.SHUTTING_DOWN, "shutting-down");
        }
        else if (room.isFull()) {
            turnAway(session, Replies.serverFull(room.size(), properties.maxClients()), "full");
        }
        else if (pending.incrementAndGet() > properties.maxPending()) {
            pending.decrementAndGet();
            turnAway(session, Replies.SERVER_BUSY, "busy");
        }
        else {
            session.send(properties.hasPassword() ? Replies.PASSWORD : Replies.welcome(properties.name()));
            session.loginTimer(scheduler.schedule(() -> loginTimedOut(session),
                    Instant.now().plus(properties.loginTimeout())));
        }
        return session;
    }

    /** One line from the client, in the order sent. */
    public void lineFrom(Session session, InboundLine line) {
        Stage stage = session.stage();
        if (stage == Stage.GONE) {
            return;
        }
        if (line instanceof InboundLine.TooLong) {
            session.send(Replies.lineTooLong(properties.maxLineBytes()));
            return;
        }
        String text = ((InboundLine.Text) line).text();
        switch (stage) {
            case PASSWORD -> checkPassword(session, text);
            case NAME -> chooseName(session, text.strip());
            case JOINED -> {
                // leaving is never refused, however fast the user types
                if (session.floodGuard().tryPass(System.nanoTime())
                        || ChatCommand.parse(text) instanceof ChatCommand.Leave) {
                    room.handle(session, text);
                }
                else {
                    session.send(Replies.TOO_FAST);
                }
            }
            case GONE -> { }
        }
    }

    /**
     * The client sent its last line (it closed or half-closed the connection) and every line
     * it sent has been handled. Answers still queued are written if the client still reads,
     * for at most the shutdown grace.
     */
    public void departed(Session session) {
        sessions.remove(session.connectionId());
        Stage was = session.end();
        if (was == Stage.JOINED) {
            // while the server shuts down, "* Server is shutting down." is the last word everyone gets
            if (!closing) {
                room.leave(session);
            }
        }
        else if (was != Stage.GONE) {
            pending.decrementAndGet();
        }
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

    /** Stops greeting new connections and closes every connection once its queue is written. */
    public void closeAll(String notice) {
        closing = true;
        room.notice(notice);
        sessions.values().forEach(session -> session.outbox().closeWhenWritten());
    }

    /** Waits until every connection is closed, at most {@code millis}; returns whether all closed. */
    public boolean awaitAllClosed(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (openOutboxes) {
            long left = millis;
            while (open > 0 && left > 0) {
                openOutboxes.wait(left);
                left = (deadline - System.nanoTime()) / 1_000_000;
            }
            return open == 0;
        }
    }

    /** Closes whatever is still open, dropping what it had queued. */
    public void closeRemaining() {
        sessions.values().forEach(session -> session.outbox().closeNow());
    }

    public int connections() {
        return sessions.size();
    }

    private void checkPassword(Session session, String attempt) {
        if (attempt.equals(properties.password())) {
            if (session.advance(Stage.PASSWORD, Stage.NAME)) {
                session.send(Replies.welcome(properties.name()));
            }
            return;
        }
        metrics.dropped(DropReason.WRONG_PASSWORD);
        session.send(Replies.WRONG_PASSWORD);
        session.outbox().closeWhenWritten();
        leavePending(session);
    }

    private void chooseName(Session session, String candidate) {
        if (candidate.isEmpty()) {
            return;
        }
        String refusal = Username.check(candidate) instanceof Username.Check.Rejected rejected
                ? rejected.reason()
                : join(session, new Username(candidate));
        if (refusal == null) {
            return;
        }
        if (session.countNameTry() >= MAX_NAME_TRIES) {
            metrics.dropped(DropReason.TOO_MANY_TRIES);
            session.send(Replies.nickRejected(candidate, refusal));
            session.send(Replies.TOO_MANY_TRIES);
            session.outbox().closeWhenWritten();
            leavePending(session);
            return;
        }
        session.send(Replies.nameRejected(candidate, refusal));
    }

    /** @return null once joined, else why the name was refused */
    private String join(Session session, Username name) {
        if (!session.advance(Stage.NAME, Stage.JOINED)) {
            return null;
        }
        // no longer waiting for a name: counted off before the Hello line goes out
        pending.decrementAndGet();
        ChatRoom.Join outcome = room.join(session, name);
        if (outcome == ChatRoom.Join.JOINED) {
            session.cancelLoginTimer();
            return null;
        }
        pending.incrementAndGet();
        session.advance(Stage.JOINED, Stage.NAME);
        if (outcome == ChatRoom.Join.TAKEN) {
            return "is taken";
        }
        metrics.rejected("full");
        session.send(Replies.serverFull(room.size(), properties.maxClients()));
        session.outbox().closeWhenWritten();
        leavePending(session);
        return null;
    }

    private void loginTimedOut(Session session) {
        if (session.stage() == Stage.PASSWORD || session.stage() == Stage.NAME) {
            metrics.dropped(DropReason.LOGIN_TIMEOUT);
            session.send(Replies.loginTimedOut(properties.loginTimeout()));
            session.outbox().closeWhenWritten();
            leavePending(session);
        }
    }

    private void leavePending(Session session) {
        Stage was = session.end();
        if (was == Stage.PASSWORD || was == Stage.NAME) {
            pending.decrementAndGet();
        }
    }

    private void turnAway(Session session, String reason, String tag) {
        metrics.rejected(tag);
        session.end();
        session.send(reason);
        session.outbox().closeWhenWritten();
    }

    private Outbox newOutbox(String connectionId) {
        synchronized (openOutboxes) {
            open++;
        }
        return new Outbox(connectionId, properties.sendQueueLimit(), connections, metrics, () -> {
            synchronized (openOutboxes) {
                open--;
                openOutboxes.notifyAll();
            }
        });
    }
}
