package io.socketchat.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;

/**
 * The room as this node sees it: everyone in it (on any node), the users connected here,
 * the history. It changes only by {@link RoomEvent}s, applied in the ledger's order under
 * one lock; applying one queues lines in outboxes and never waits on, closes or calls out
 * of anything: users to take out are queued as {@link Departure}s, outboxes the server is
 * behind on are noted for the applying thread, and both are dealt with once the lock is
 * released.
 */
final class RoomView implements RoomLedger.Room {

    private final ReentrantLock lock = new ReentrantLock();

    /** Joined on this node, by member id. */
    private final Map<String, Session> here = new LinkedHashMap<>();

    /** Asked to join on this node, until the ledger's join event is applied. */
    private final Map<String, Session> arriving = new HashMap<>();

    /** Everyone in the room, on any node. */
    private final Roster roster = new Roster();

    private final History history;

    private final ConcurrentLinkedQueue<Departure> departures = new ConcurrentLinkedQueue<>();

    private final ThreadLocal<List<Outbox>> behind = ThreadLocal.withInitial(ArrayList::new);

    private final Runnable onApplied;

    /** The event being applied, rendered once per face present. Lock held. */
    private final byte[][] rendered = new byte[Face.SLOTS][];

    private volatile int size;

    private volatile int sizeHere;

    /**
     * @param onApplied what to do once the ledger's own thread has applied a batch of
     * events
     */
    RoomView(int historySize, Runnable onApplied) {
        this.history = new History(historySize);
        this.onApplied = onApplied;
    }

    int size() {
        return size;
    }

    int sizeHere() {
        return sizeHere;
    }

    List<String> names() {
        return locked(roster::names);
    }

    /** Whoever has that name on any node, or null. */
    Member member(String name) {
        return locked(() -> roster.get(name));
    }

    /** Everyone in the room, on any node, who connected from that address. */
    List<Member> membersFrom(String address) {
        return locked(() -> roster.from(address));
    }

    /** The session waits for its join event. */
    void arriving(Session session) {
        locked(() -> arriving.put(session.connectionId(), session));
    }

    /** The session no longer waits for its join event. */
    void notArriving(Session session) {
        locked(() -> arriving.remove(session.connectionId()));
    }

    /** Takes the session out of this node's users; false if it was not among them. */
    boolean withdraw(Session session) {
        return locked(() -> {
            boolean wasIn = here.remove(session.connectionId()) != null
                    | arriving.remove(session.connectionId()) != null;
            sizeHere = here.size();
            return wasIn;
        });
    }

    /**
     * The last line for every user here: queued, and then nothing more, in one step of
     * the room's order, so that no event applied later (a user who already closed
     * leaving) reaches anyone after it. Those still waiting for their join take nothing
     * more either.
     */
    void lastLineHere(String line) {
        locked(() -> {
            deliverToAllBut(null, face -> face.closing(line));
            here.values().forEach(session -> session.outbox().takeNoMore());
            arriving.values().forEach(session -> session.outbox().takeNoMore());
        });
    }

    Departure nextDeparture() {
        return departures.poll();
    }

    /** The outboxes this thread found behind while applying, now forgotten. */
    List<Outbox> takeBehind() {
        List<Outbox> late = behind.get();
        if (late.isEmpty()) {
            return List.of();
        }
        List<Outbox> taken = List.copyOf(late);
        late.clear();
        return taken;
    }

    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public void apply(RoomEvent event) {
        lock.lock();
        try {
            if (event instanceof RoomEvent.Public line) {
                history.add(line.line());
                deliverToAllBut(line.fromId(), face -> face.publicLine(line.line()));
            }
            else if (event instanceof RoomEvent.Private message) {
                Session to = here.get(message.toId());
                if (to != null) {
                    offer(to, to.face().privateFrom(message.from().name(), to.name(), message.text()));
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
                    departures.add(new Departure(target, kick.why(), Replies.youWereKicked(kick.reason()),
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
        onApplied.run();
    }

    @Override
    public List<Member> membersHere() {
        return locked(() -> {
            List<Member> members = new ArrayList<>(here.size() + arriving.size());
            here.values().forEach(session -> members.add(Departure.memberOf(session)));
            arriving.values().forEach(session -> members.add(Departure.memberOf(session)));
            return members;
        });
    }

    @Override
    public List<Member> joinedHere() {
        return locked(() -> here.values().stream().map(Departure::memberOf).toList());
    }

    @Override
    public void tell(String memberId, String line) {
        locked(() -> {
            Session session = here.get(memberId);
            if (session != null) {
                offer(session, session.face().reply(session.name(), line));
            }
        });
    }

    @Override
    public void tellEveryone(String line) {
        locked(() -> deliverToAllBut(null, face -> face.notice(line)));
    }

    private void joined(Member member) {
        roster.put(member);
        size = roster.size();
        Session session = arriving.remove(member.id());
        if (session != null) {
            here.put(member.id(), session);
            sizeHere = here.size();
            session.face().welcome(member.name(), roster.names(), history.lines()).forEach(session::deliver);
        }
        // a notice, not kept in history
        deliverToAllBut(member.id(), face -> face.joined(member.name()));
    }

    private void left(Member member, String notice) {
        removeFromRoster(member);
        Session session = here.remove(member.id());
        sizeHere = here.size();
        if (session != null) {
            // still connected here, yet out of the room: the shared store let its place
            // go
            departures.add(new Departure(session, null, Replies.CHAT_UNAVAILABLE, null));
        }
        deliverToAllBut(null, face -> face.left(member.name(), notice));
    }

    private void renamed(Member member, Username to) {
        Member before = roster.get(member.name().display());
        String address = before != null && before.id().equals(member.id()) ? before.address() : member.address();
        removeFromRoster(member);
        roster.put(new Member(member.id(), to, address));
        Session session = here.get(member.id());
        if (session != null) {
            session.name(to);
        }
        deliverToAllBut(null, face -> face.renamed(member.name(), to));
    }

    private void restored(RoomEvent.Restored restored) {
        roster.clear();
        restored.roster().forEach(roster::put);
        size = roster.size();
        history.replace(restored.history());
        Set<String> kept = restored.roster().stream().map(Member::id).collect(Collectors.toSet());
        here.entrySet().removeIf(entry -> {
            boolean gone = !kept.contains(entry.getKey());
            if (gone) {
                departures.add(new Departure(entry.getValue(), null, Replies.CHAT_UNAVAILABLE, null));
            }
            return gone;
        });
        sizeHere = here.size();
    }

    private void removeFromRoster(Member member) {
        roster.remove(member);
        size = roster.size();
    }

    /**
     * Queues the event for every user here but one, rendered once for each face among
     * them. Lock held.
     */
    private void deliverToAllBut(String exceptId, Function<Face, byte[]> render) {
        try {
            for (Map.Entry<String, Session> entry : here.entrySet()) {
                if (!entry.getKey().equals(exceptId)) {
                    Session to = entry.getValue();
                    int slot = to.face().slot();
                    byte[] bytes = rendered[slot];
                    if (bytes == null) {
                        bytes = render.apply(to.face());
                        rendered[slot] = bytes;
                    }
                    offer(to, bytes);
                }
            }
        }
        finally {
            Arrays.fill(rendered, null);
        }
    }

    /** Lock held: a user whose queue is full and who does not read is taken out later. */
    private void offer(Session to, byte[] bytes) {
        Outbox.Offer offer = to.outbox().offer(bytes);
        if (offer == Outbox.Offer.REFUSED) {
            departures.add(new Departure(to, DropReason.NOT_READING, null, Replies.notReading(to.name())));
        }
        else if (offer == Outbox.Offer.BEHIND) {
            behind.get().add(to.outbox());
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        }
        finally {
            lock.unlock();
        }
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

}
