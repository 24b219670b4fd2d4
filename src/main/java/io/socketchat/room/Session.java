package io.socketchat.room;

import java.util.concurrent.ScheduledFuture;

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

    private final String connectionId;

    private final String address;

    private final Outbox outbox;

    private final FloodGuard floodGuard;

    private final Face face;

    private volatile Stage stage;

    private volatile Username name;

    private int nameTries;

    private ScheduledFuture<?> loginTimer;

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
