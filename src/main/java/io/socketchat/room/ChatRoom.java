package io.socketchat.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;

import org.springframework.stereotype.Service;

/**
 * The users in the chat and everything said among them. Names, places and the order of events
 * belong to the {@link RoomLedger} (this JVM, or Redis shared by several nodes); the room applies
 * each {@link RoomEvent} in that order to the users connected here, so every user sees one order,
 * history and live lines never overlap for a newcomer, and a name has exactly one owner.
 * Delivering a line only queues it in each recipient's {@link Outbox}: nothing here waits on a
 * socket, and nothing closes one while a lock is held: departures are queued while an event is
 * applied and carried out once the lock is released ({@link #settle()}).
 */
@Service
public class ChatRoom implements RoomLedger.Room {

    /** The outcome of a join attempt. */
    public enum Join {
        JOINED, TAKEN, FULL, UNAVAILABLE
    }

    /** Longest a sender is held while the server catches up on its readers. */
    private static final long CATCH_UP_MILLIS = 5_000;

    private final ChatProperties properties;
    private final ChatMetrics metrics;
    private final RoomLedger ledger;
    private final CommandHandler commands;
    private final ReentrantLock lock = new ReentrantLock();
    /** Joined on this node, by member id. */
    private final Map<String, Session> here = new LinkedHashMap<>();
    /** Asked to join on this node, until the ledger's join event is applied. */
    private final Map<String, Session> arriving = new HashMap<>();
    /** Everyone in the room, on any node, by {@link Username#key()}: in the order names are listed. */
    private final TreeMap<String, Member> roster = new TreeMap<>();
    private final History history;
    /** Users to take out once no lock is held. */
    private final ConcurrentLinkedQueue<Departure> departures = new ConcurrentLinkedQueue<>();
    /** Outboxes the applying thread found behind, for it to wait on once no lock is held. */
    private final ThreadLocal<List<Outbox>> behind = ThreadLocal.withInitial(ArrayList::new);
    private volatile int size;
    private volatile int sizeHere;

    public ChatRoom(ChatProperties properties, ChatMetrics metrics, RoomLedger ledger) {
        this.properties = properties;
        this.metrics = metrics;
        this.ledger = ledger;
        this.commands = new CommandHandler(this);
        this.history = new History(properties.historySize());
        metrics.usersGauge(() -> sizeHere);
        ledger.attach(this);
    }

    /** Users in the room, on every node. */
    public int size() {
        return size;
    }

    /** Users connected to this node. */
    public int sizeHere() {
        return sizeHere;
    }

    public boolean isFull() {
        return size >= properties.maxClients();
    }

    /** False while the room's shared store cannot be reached. */
    public boolean available() {
        return ledger.available();
    }

    /** What the health component shows of where the room is kept. */
    public Map<String, Object> ledgerDetails() {
        return ledger.details();
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
        Member member = new Member(session.connectionId(), name);
        session.name(name);
        locked(() -> arriving.put(member.id(), session));
        Join outcome = Join.UNAVAILABLE;
        try {
            outcome = ledger.join(member, properties.maxClients());
        }
        catch (RoomUnavailableException ex) {
            // refused below; a join the store took after all is dropped when its lease runs out
        }
        finally {
            if (outcome != Join.JOINED) {
                locked(() -> arriving.remove(member.id()));
            }
            settle();
        }
        return outcome;
    }

    /** Handles one line of a joined user. */
    void handle(Session from, String line) {
        ChatCommand command = ChatCommand.parse(line);
        if (!(command instanceof ChatCommand.Ignored)) {
            metrics.received();
        }
        try {
            command.handle(commands, from);
        }
        catch (RoomUnavailableException ex) {
            from.send(Replies.NOT_DELIVERED);
        }
        finally {
            settle();
        }
    }

    /** The admin's words to everyone. */
    public void say(String text) {
        try {
            ledger.publish(new RoomEvent.Public(null, Replies.server(text)));
        }
        finally {
            settle();
        }
    }

    /** @return false when nobody has that name */
    public boolean kick(String name, String reason) {
        Member member = member(name);
        if (member == null) {
            return false;
        }
        try {
            ledger.publish(new RoomEvent.Kick(member.id(), reason));
        }
        finally {
            settle();
        }
        return true;
    }

    /** A joined user leaves or its connection is gone. */
    void leave(Session session) {
        lock.lock();
        boolean wasIn;
        try {
            wasIn = here.remove(session.connectionId()) != null | arriving.remove(session.connectionId()) != null;
            sizeHere = here.size();
        }
        finally {
            lock.unlock();
        }
        if (wasIn) {
            leaveLedger(memberOf(session), Replies.left(session.name()));
        }
        settle();
    }

    /** A notice to everyone connected to this node, not kept in history. */
    void notice(String line) {
        locked(() -> deliverToAllBut(null, line));
        settle();
    }

    void publish(Session from, String line) {
        ledger.publish(new RoomEvent.Public(from.connectionId(), line));
    }

    void whisper(Session from, String recipientName, String text) {
        Member to = member(recipientName);
        if (to == null) {
            from.send(Replies.noSuchUser(recipientName));
            return;
        }
        ledger.publish(new RoomEvent.Private(memberOf(from), to.id(), text));
        from.send(Replies.privateTo(to.name(), text));
    }

    void rename(Session session, String newName) {
        if (Username.check(newName) instanceof Username.Check.Rejected rejected) {
            session.send(Replies.nickRejected(newName, rejected.reason()));
            return;
        }
        if (!ledger.rename(memberOf(session), new Username(newName))) {
            session.send(Replies.nickRejected(newName, "is taken"));
        }
    }

    @Override
    public void apply(RoomEvent event) {
        lock.lock();
        try {
            if (event instanceof RoomEvent.Public line) {
                history.add(line.line());
                deliverToAllBut(line.fromId(), line.line());
            }
            else if (event instanceof RoomEvent.Private message) {
                Session to = here.get(message.toId());
                if (to != null) {
                    offer(to, Outbox.encode(Replies.privateFrom(message.from().name(), message.text())));
                }
            }
            else if (event instanceof RoomEvent.Joined joined) {
                joined(joined.member());
            }
            else if (event instanceof RoomEvent.Left left) {
                left(left.member(), left.notice());
            }
            else if (event instanceof RoomEvent.Renamed renamed) {
                renamed(renamed.member(), renamed.to());
            }
            else if (event instanceof RoomEvent.Kick kick) {
                Session target = here.get(kick.targetId());
                if (target != null) {
                    departures.add(new Departure(target, DropReason.KICKED, Replies.youWereKicked(kick.reason()),
                            Replies.kicked(target.name(), kick.reason())));
                }
            }
            else if (event instanceof RoomEvent.Restored restored) {
                restored(restored);
            }
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void applied() {
        settle();
    }

    @Override
    public List<Member> membersHere() {
        lock.lock();
        try {
            List<Member> members = new ArrayList<>(here.size() + arriving.size());
            here.values().forEach(session -> members.add(memberOf(session)));
            arriving.values().forEach(session -> members.add(memberOf(session)));
            return members;
        }
        finally {
            lock.unlock();
        }
    }

    /** For tests: nothing may close a connection while this is true. */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    private void joined(Member member) {
        roster.put(member.name().key(), member);
        size = roster.size();
        Session session = arriving.remove(member.id());
        if (session != null) {
            here.put(member.id(), session);
            sizeHere = here.size();
            session.send(Replies.hello(member.name(), names()));
            List<String> recent = history.lines();
            if (!recent.isEmpty()) {
                session.send(Replies.historyStart(recent.size()));
                recent.forEach(session::send);
                session.send(Replies.HISTORY_END);
            }
        }
        // a notice, not kept in history
        deliverToAllBut(member.id(), Replies.joined(member.name()));
    }

    private void left(Member member, String notice) {
        Member current = roster.get(member.name().key());
        if (current != null && current.id().equals(member.id())) {
            roster.remove(member.name().key());
        }
        size = roster.size();
        Session session = here.remove(member.id());
        sizeHere = here.size();
        if (session != null) {
            // still connected here, yet out of the room: the shared store let its place go
            departures.add(new Departure(session, null, Replies.CHAT_UNAVAILABLE, null));
        }
        deliverToAllBut(null, notice);
    }

    private void renamed(Member member, Username to) {
        Member old = roster.get(member.name().key());
        if (old != null && old.id().equals(member.id())) {
            roster.remove(member.name().key());
        }
        roster.put(to.key(), new Member(member.id(), to));
        Session session = here.get(member.id());
        if (session != null) {
            session.name(to);
        }
        deliverToAllBut(null, Replies.renamed(member.name(), to));
    }

    private void restored(RoomEvent.Restored restored) {
        roster.clear();
        restored.roster().forEach(member -> roster.put(member.name().key(), member));
        size = roster.size();
        history.replace(restored.history());
        List<String> gone = new ArrayList<>();
        here.keySet().forEach(id -> {
            if (restored.roster().stream().noneMatch(member -> member.id().equals(id))) {
                gone.add(id);
            }
        });
        gone.forEach(id -> departures.add(new Departure(here.remove(id), null, Replies.CHAT_UNAVAILABLE, null)));
        sizeHere = here.size();
    }

    /**
     * Carries out the departures queued while events were applied, then holds the calling thread
     * while the server catches up on the outboxes it found behind. No lock may be held.
     */
    private void settle() {
        Departure departure;
        while ((departure = departures.poll()) != null) {
            departure.carryOut(this);
        }
        List<Outbox> late = behind.get();
        if (!late.isEmpty()) {
            List<Outbox> waitFor = List.copyOf(late);
            late.clear();
            awaitCatchUp(waitFor);
        }
    }

    /**
     * Holds the sender until the server has written the outboxes that fell behind: the
     * server's own backpressure (the sender's further lines wait in TCP buffers meanwhile).
     */
    private void awaitCatchUp(List<Outbox> outboxes) {
        long deadline = System.nanoTime() + CATCH_UP_MILLIS * 1_000_000;
        try {
            for (Outbox outbox : outboxes) {
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

    private void leaveLedger(Member member, String notice) {
        try {
            ledger.leave(member, notice);
        }
        catch (RoomUnavailableException ex) {
            // the store frees the place when this node stops renewing it
        }
    }

    private Member member(String name) {
        lock.lock();
        try {
            return roster.get(Username.keyOf(name));
        }
        finally {
            lock.unlock();
        }
    }

    private static Member memberOf(Session session) {
        return new Member(session.connectionId(), session.name());
    }

    /** Queues the line for every user here but one; those that do not read are taken out later. Lock held. */
    private void deliverToAllBut(String exceptId, String line) {
        byte[] bytes = Outbox.encode(line);
        for (Map.Entry<String, Session> entry : here.entrySet()) {
            if (!entry.getKey().equals(exceptId)) {
                offer(entry.getValue(), bytes);
            }
        }
    }

    private void offer(Session to, byte[] bytes) {
        Outbox.Offer offer = to.outbox().offer(bytes);
        if (offer == Outbox.Offer.REFUSED) {
            departures.add(new Departure(to, DropReason.NOT_READING, null, Replies.notReading(to.name())));
        }
        else if (offer == Outbox.Offer.BEHIND) {
            behind.get().add(to.outbox());
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(roster.size());
        roster.values().forEach(member -> names.add(member.name().display()));
        return names;
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * A user the room takes out: told {@code farewell} (if any) and closed once it is written,
     * or closed at once without one; the others are told {@code notice} (null when the room
     * already let the user go).
     */
    private record Departure(Session session, DropReason reason, String farewell, String notice) {

        void carryOut(ChatRoom room) {
            if (session.end() != Session.Stage.JOINED) {
                return;
            }
            if (notice != null) {
                room.locked(() -> {
                    room.here.remove(session.connectionId());
                    room.sizeHere = room.here.size();
                });
                room.metrics.dropped(reason);
                room.leaveLedger(memberOf(session), notice);
            }
            if (farewell != null) {
                session.send(farewell);
                session.outbox().closeWhenWritten();
            }
            else {
                session.outbox().closeNow();
            }
        }
    }
}
