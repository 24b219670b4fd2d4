package io.socketchat.room;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The chat's doors: every connection from its welcome line until its socket is closed,
 * and closing time. Once closing, the {@link FrontDoor} greets nobody new; queued lines
 * get their chance to be written; whatever is still open at the end of the grace is
 * closed.
 */
@Component
public class Doors {

    private final ChatRoom room;

    private final ConcurrentHashMap<String, Session> inside = new ConcurrentHashMap<>();

    /**
     * Outboxes not closed yet: shutdown waits for this to reach zero. Guarded by itself.
     */
    private final Object openOutboxes = new Object();

    private int open;

    private volatile boolean closing;

    public Doors(ChatRoom room) {
        this.room = room;
    }

    /**
     * Stops greeting new connections and closes every connection once its queue is
     * written.
     */
    public void closeAll(String notice) {
        closing = true;
        // the notice is the last line of every user: a user who closes first and leaves
        // is told to nobody
        room.lastLine(notice);
        inside.values().forEach(session -> {
            if (session.face().toldOfClosingWhilePending() && session.stage() != Session.Stage.JOINED
                    && session.stage() != Session.Stage.GONE) {
                session.sendLast(notice);
            }
            session.outbox().closeWhenWritten();
        });
    }

    /**
     * Waits until every connection is closed, at most {@code millis}; returns whether all
     * closed.
     */
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
        inside.values().forEach(session -> session.outbox().closeNow());
    }

    /** Connections open now, with or without a name. */
    public int connections() {
        return inside.size();
    }

    boolean isClosing() {
        return closing;
    }

    void entered(Session session) {
        inside.put(session.connectionId(), session);
    }

    void left(Session session) {
        inside.remove(session.connectionId());
    }

    /** The connections open from one address. */
    List<Session> from(String address) {
        return inside.values().stream().filter(session -> address.equals(session.address())).toList();
    }

    /**
     * Counts an outbox as open; the returned action, run when it closes, counts it off.
     */
    Runnable outboxOpened() {
        synchronized (openOutboxes) {
            open++;
        }
        return () -> {
            synchronized (openOutboxes) {
                open--;
                openOutboxes.notifyAll();
            }
        };
    }

}
