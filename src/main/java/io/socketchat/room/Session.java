package io.socketchat.room;

import java.util.concurrent.ScheduledFuture;

import io.socketchat.protocol.Username;

/**
 * One client connection, from its welcome line to its last. Its lines are handled one at a
 * time, in the order they were sent; the fields below that only that path touches need no locking.
 */
public final class Session {

    /** Where the client is in the protocol. */
    public enum Stage {
        PASSWORD, NAME, JOINED, GONE
    }

    private final String connectionId;
    private final Outbox outbox;
    private final FloodGuard floodGuard;
    private volatile Stage stage;
    private volatile Username name;
    private int nameTries;
    private ScheduledFuture<?> loginTimer;

    Session(String connectionId, Outbox outbox, FloodGuard floodGuard, Stage stage) {
        this.connectionId = connectionId;
        this.outbox = outbox;
        this.floodGuard = floodGuard;
        this.stage = stage;
    }

    public String connectionId() {
        return connectionId;
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

    void send(String line) {
        outbox.offer(line);
    }

    /** Moves to the next stage unless the session is already gone; returns whether it moved. */
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
