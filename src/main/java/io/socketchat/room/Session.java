package io.socketchat.room;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;

/**
 * One client connection, from its welcome line to its last. Its lines are handled one at
 * a time, in the order they were sent; the fields below that only that path touches need
 * no locking.
 */
public final class Session {

    /** Where the client is in the protocol. */
    public enum Stage {

        PASSWORD, NAME, JOINED, GONE

    }

    /** Held in place of the departure: the client left after the held lines. */
    static final Object DEPARTURE = new Object();

    /**
     * Lines held while one check runs (about a tenth of a second) before refusing more.
     */
    static final int MAX_HELD = 256;

    private final String connectionId;

    private final String address;

    private final Outbox outbox;

    private final FloodGuard floodGuard;

    private final Face face;

    private volatile Stage stage;

    private volatile Username name;

    private int nameTries;

    private ScheduledFuture<?> loginTimer;

    /** The account question being answered, or null; see {@link AccountQuestions}. */
    private volatile AccountTalk talk;

    /** The account this user proved to own, or null. */
    private volatile String account;

    /**
     * Where held lines go back to for a face that reads its own lines (IRC); null for the
     * line protocol.
     */
    private volatile Consumer<InboundLine> faceLines;

    /**
     * Lines (and the departure) that arrived while an answer was being checked, in order;
     * guarded by this.
     */
    private final ArrayDeque<Object> held = new ArrayDeque<>();

    /** Lines are held until {@link #nextHeld()} has given them all back. */
    private boolean holding;

    /** A check is running: {@link #nextHeld()} gives nothing back yet. */
    private boolean awaiting;

    /** The login time ran out while a join attempt held the session; guarded by this. */
    private boolean loginExpired;

    Session(String connectionId, String address, Outbox outbox, FloodGuard floodGuard, Stage stage) {
        this(connectionId, address, outbox, floodGuard, stage, LineFace.INSTANCE);
    }

    Session(String connectionId, String address, Outbox outbox, FloodGuard floodGuard, Stage stage, Face face) {
        this.connectionId = connectionId;
        this.address = address;
        this.outbox = outbox;
        this.floodGuard = floodGuard;
        this.stage = stage;
        this.face = face;
    }

    public String connectionId() {
        return connectionId;
    }

    /** The client's IP address, as the transport gives it. */
    public String address() {
        return address;
    }

    public Username name() {
        return name;
    }

    public Stage stage() {
        return stage;
    }

    Outbox outbox() {
        return outbox;
    }

    FloodGuard floodGuard() {
        return floodGuard;
    }

    /** How this session is told what happens: the line protocol, or IRC. */
    public Face face() {
        return face;
    }

    /** A line-protocol reply, in the session's face. */
    void send(String line) {
        outbox.offer(face.reply(name, line));
    }

    /** The last reply before the connection closes, in the session's face. */
    void sendLast(String line) {
        outbox.offer(face.farewell(name, line));
    }

    /**
     * Queues bytes already in the session's face (terminators included): what a face's
     * own commands answer.
     */
    public void deliver(byte[] bytes) {
        outbox.offer(bytes);
    }

    /** Queued replies are written, then the connection closes. */
    public void closeWhenWritten() {
        outbox.closeWhenWritten();
    }

    /**
     * Moves to the next stage unless the session is already gone; returns whether it
     * moved.
     */
    synchronized boolean advance(Stage from, Stage to) {
        if (stage != from) {
            return false;
        }
        stage = to;
        return true;
    }

    /** Marks the session gone; returns the stage it was in. */
    synchronized Stage end() {
        Stage was = stage;
        stage = Stage.GONE;
        if (loginTimer != null) {
            loginTimer.cancel(false);
        }
        return was;
    }

    /** Ends the session if it is still logging in; returns whether it did. */
    synchronized boolean endIfLoggingIn() {
        if (stage != Stage.PASSWORD && stage != Stage.NAME) {
            return false;
        }
        end();
        return true;
    }

    /**
     * The login time ran out. A session in the middle of a join attempt cannot end now;
     * the expiry is kept for {@link #joinFailed()}. Returns whether the session ended.
     */
    synchronized boolean loginTimedOut() {
        loginExpired = true;
        return endIfLoggingIn();
    }

    /**
     * A join attempt did not get a place: back to choosing a name, unless the login time
     * ran out meanwhile; then the session ends. Returns whether it is choosing a name
     * again.
     */
    synchronized boolean joinFailed() {
        if (stage != Stage.JOINED) {
            return false;
        }
        if (loginExpired) {
            end();
            return false;
        }
        stage = Stage.NAME;
        return true;
    }

    synchronized void loginTimer(ScheduledFuture<?> timer) {
        if (stage == Stage.GONE) {
            timer.cancel(false);
        }
        this.loginTimer = timer;
    }

    synchronized void cancelLoginTimer() {
        if (loginTimer != null) {
            loginTimer.cancel(false);
        }
    }

    AccountTalk talk() {
        return talk;
    }

    void talk(AccountTalk talk) {
        this.talk = talk;
    }

    String account() {
        return account;
    }

    void account(String account) {
        this.account = account;
    }

    Consumer<InboundLine> faceLines() {
        return faceLines;
    }

    void faceLines(Consumer<InboundLine> faceLines) {
        this.faceLines = faceLines;
    }

    /** From now until the check is done and every held line handled, lines are held. */
    synchronized void awaitCheck() {
        holding = true;
        awaiting = true;
    }

    /** The check is done: held lines may be given back. */
    synchronized void checkDone() {
        awaiting = false;
    }

    /**
     * Holds the line if a check is running or held lines wait; returns whether it did.
     * Past {@link #MAX_HELD} a line is refused as too fast instead (answered, never
     * dropped silently).
     */
    synchronized boolean hold(InboundLine line) {
        if (!holding) {
            return false;
        }
        if (held.size() >= MAX_HELD) {
            send(Replies.TOO_FAST);
        }
        else {
            held.addLast(line);
        }
        return true;
    }

    /** Holds the departure behind the held lines; returns whether it did. */
    synchronized boolean holdDeparture() {
        if (!holding) {
            return false;
        }
        held.addLast(DEPARTURE);
        return true;
    }

    /**
     * The next held line, {@link #DEPARTURE}, or null: nothing more now (lines are no
     * longer held, unless another check started).
     */
    synchronized Object nextHeld() {
        if (awaiting) {
            return null;
        }
        Object next = held.pollFirst();
        if (next == null) {
            holding = false;
        }
        return next;
    }

    void name(Username name) {
        this.name = name;
    }

    int countNameTry() {
        return ++nameTries;
    }

    @Override
    public String toString() {
        return name != null ? name.display() : connectionId;
    }

}
