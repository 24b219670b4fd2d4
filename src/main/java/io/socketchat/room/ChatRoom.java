package io.socketchat.room;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;

import org.springframework.stereotype.Service;

/**
 * The users in the chat and everything said among them. Joins, leaves, renames and public
 * lines go through one lock, so every user sees public lines in one order, history and live
 * lines never overlap for a newcomer, and a name has exactly one owner. Delivering a line only
 * queues it in each recipient's {@link Outbox}: nothing here waits on a socket.
 */
@Service
public class ChatRoom {

    /** The outcome of a join attempt. */
    public enum Join {
        JOINED, TAKEN, FULL
    }

    /** Longest a sender is held while the server catches up on its readers. */
    private static final long CATCH_UP_MILLIS = 5_000;

    private final ChatProperties properties;
    private final ChatMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Session> members = new ArrayList<>();
    /** By {@link Username#key()}: in the order names are listed, so listing needs no sorting. */
    private final TreeMap<String, Session> byName = new TreeMap<>();
    private final History history;
    private volatile int size;

    public ChatRoom(ChatProperties properties, ChatMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        this.history = new History(properties.historySize());
        metrics.usersGauge(() -> size);
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size >= properties.maxClients();
    }

    /** The names in the chat, sorted as people read them. */
    public List<String> who() {
        lock.lock();
        try {
            return names();
        }
        finally {
            lock.unlock();
        }
    }

    Join join(Session session, Username name) {
        lock.lock();
        try {
            if (byName.containsKey(name.key())) {
                return Join.TAKEN;
            }
            if (members.size() >= properties.maxClients()) {
                return Join.FULL;
            }
            session.name(name);
            members.add(session);
            byName.put(name.key(), session);
            size = members.size();
            session.send(Replies.hello(name, names()));
            List<String> recent = history.lines();
            if (!recent.isEmpty()) {
                session.send(Replies.historyStart(recent.size()));
                recent.forEach(session::send);
                session.send(Replies.HISTORY_END);
            }
            // a notice, not kept in history
            deliverToAllBut(session, Replies.joined(name));
            return Join.JOINED;
        }
        finally {
            lock.unlock();
        }
    }

    /** Handles one line of a joined user. */
    void handle(Session from, String line) {
        ChatCommand command = ChatCommand.parse(line);
        if (command instanceof ChatCommand.Ignored) {
            return;
        }
        metrics.received();
        if (command instanceof ChatCommand.Say say) {
            awaitCatchUp(publish(from, Replies.message(from.name(), say.text())));
        }
        else if (command instanceof ChatCommand.Action action) {
            awaitCatchUp(publish(from, Replies.action(from.name(), action.text())));
        }
        else if (command instanceof ChatCommand.PrivateMessage pm) {
            whisper(from, pm.recipient(), pm.text());
        }
        else if (command instanceof ChatCommand.Who) {
            from.send(Replies.who(who()));
        }
        else if (command instanceof ChatCommand.Help) {
            Replies.HELP.forEach(from::send);
        }
        else if (command instanceof ChatCommand.Nick nick) {
            rename(from, nick.newName());
        }
        else if (command instanceof ChatCommand.Leave) {
            leave(from);
            from.outbox().closeWhenWritten();
        }
        else if (command instanceof ChatCommand.Misused misused) {
            from.send(Replies.usage(misused.usage()));
        }
        else if (command instanceof ChatCommand.Unknown unknown) {
            from.send(Replies.unknownCommand(unknown.command()));
        }
    }

    /** The admin's words to everyone. */
    public void say(String text) {
        publish(null, Replies.server(text));
    }

    /** @return false when nobody has that name */
    public boolean kick(String name, String reason) {
        return kick(name, reason, DropReason.KICKED);
    }

    /** Kicks with the kick notices, counted as dropped for {@code why}. */
    boolean kick(String name, String reason, DropReason why) {
        lock.lock();
        try {
            Session session = byName.get(Username.keyOf(name));
            if (session == null) {
                return false;
            }
            session.send(Replies.youWereKicked(reason));
            session.outbox().closeWhenWritten();
            metrics.dropped(why);
            depart(session, Replies.kicked(session.name(), reason));
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** A joined user's connection is gone. */
    void leave(Session session) {
        lock.lock();
        try {
            if (members.contains(session)) {
                depart(session, Replies.left(session.name()));
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** A notice to everyone in the chat, not kept in history. */
    void notice(String line) {
        lock.lock();
        try {
            deliverToAllBut(null, line);
        }
        finally {
            lock.unlock();
        }
    }

    /** @return the outboxes that fell behind the server while taking the line */
    private List<Outbox> publish(Session from, String line) {
        lock.lock();
        try {
            history.add(line);
            return deliverToAllBut(from, line);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Holds the sender until the server has written the outboxes that fell behind: the
     * server's own backpressure (the sender's further lines wait in TCP buffers meanwhile).
     */
    private void awaitCatchUp(List<Outbox> behind) {
        long deadline = System.nanoTime() + CATCH_UP_MILLIS * 1_000_000;
        try {
            for (Outbox outbox : behind) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                outbox.awaitCatchUp(left);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void whisper(Session from, String recipientName, String text) {
        Session to = member(recipientName);
        if (to == null) {
            from.send(Replies.noSuchUser(recipientName));
            return;
        }
        Outbox.Offer offer = to.outbox().offer(Outbox.encode(Replies.privateFrom(from.name(), text)));
        if (offer == Outbox.Offer.REFUSED) {
            dropNotReading(to);
        }
        from.send(Replies.privateTo(to.name(), text));
        if (offer == Outbox.Offer.BEHIND) {
            awaitCatchUp(List.of(to.outbox()));
        }
    }

    private void rename(Session session, String newName) {
        Username.Check check = Username.check(newName);
        if (check instanceof Username.Check.Rejected rejected) {
            session.send(Replies.nickRejected(newName, rejected.reason()));
            return;
        }
        Username wanted = new Username(newName);
        lock.lock();
        try {
            Username old = session.name();
            Session owner = byName.get(wanted.key());
            if (owner != null && owner != session) {
                session.send(Replies.nickRejected(newName, "is taken"));
                return;
            }
            byName.remove(old.key());
            byName.put(wanted.key(), session);
            session.name(wanted);
            deliverToAllBut(null, Replies.renamed(old, wanted));
        }
        finally {
            lock.unlock();
        }
    }

    /** The user with that name (or one that looks alike), or null. */
    Session member(String name) {
        lock.lock();
        try {
            return byName.get(Username.keyOf(name));
        }
        finally {
            lock.unlock();
        }
    }

    private void dropNotReading(Session session) {
        lock.lock();
        try {
            if (members.contains(session)) {
                metrics.dropped(DropReason.NOT_READING);
                // out of the room first: closing publishes the close event on this thread
                depart(session, Replies.notReading(session.name()));
                session.outbox().closeNow();
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Takes the session out and tells the others; they may overflow in turn. Lock held. */
    private void depart(Session session, String notice) {
        session.end();
        members.remove(session);
        byName.remove(session.name().key());
        size = members.size();
        deliverToAllBut(session, notice);
    }

    /**
     * Queues the line for every member but one and drops those that do not read. Lock held.
     * @return the outboxes that took the line while the server is behind on them
     */
    private List<Outbox> deliverToAllBut(Session except, String line) {
        byte[] bytes = Outbox.encode(line);
        List<Session> notReading = null;
        List<Outbox> behind = List.of();
        for (Session member : members) {
            if (member == except) {
                continue;
            }
            Outbox.Offer offer = member.outbox().offer(bytes);
            if (offer == Outbox.Offer.REFUSED) {
                notReading = notReading == null ? new ArrayList<>() : notReading;
                notReading.add(member);
            }
            else if (offer == Outbox.Offer.BEHIND) {
                behind = behind.isEmpty() ? new ArrayList<>() : behind;
                behind.add(member.outbox());
            }
        }
        if (notReading != null) {
            notReading.forEach(this::dropNotReading);
        }
        return behind;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(byName.size());
        byName.values().forEach(member -> names.add(member.name().display()));
        return names;
    }
}
