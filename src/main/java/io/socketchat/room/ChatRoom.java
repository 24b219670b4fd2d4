package io.socketchat.room;

import java.util.List;
import java.util.Map;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Sanitizer;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;

import org.springframework.stereotype.Service;

/**
 * The users in the chat and everything said among them. Names, places and the order of
 * events belong to the {@link RoomLedger} (this JVM, or Redis shared by several nodes);
 * this node's {@link RoomView} applies each event in that order to the users connected
 * here, so every user sees one order, history and live lines never overlap for a
 * newcomer, and a name has exactly one owner. Delivering a line only queues it in each
 * recipient's {@link Outbox}: nothing here waits on a socket, and nothing closes one
 * while a lock is held ({@link #settle()}).
 */
@Service
public class ChatRoom {

    /** The outcome of a join attempt. */
    public enum Join {

        JOINED, TAKEN, FULL, UNAVAILABLE,
        /**
         * The address was banned meanwhile (on another node): only a shared ledger says
         * so.
         */
        BANNED

    }

    private final ChatProperties properties;

    private final ChatMetrics metrics;

    private final RoomLedger ledger;

    private final RoomView view;

    private final CommandHandler commands = new CommandHandler(this);

    private final NameClaims names;

    private final CatchUp catchUp;

    public ChatRoom(ChatProperties properties, ChatMetrics metrics, RoomLedger ledger) {
        this.properties = properties;
        this.metrics = metrics;
        this.ledger = ledger;
        this.view = new RoomView(properties.historySize(), this::settle);
        this.names = new NameClaims(view, ledger);
        this.catchUp = new CatchUp(view, ledger, metrics);
        metrics.usersGauge(view::sizeHere);
        ledger.attach(view);
    }

    /** Users in the room, on every node. */
    public int size() {
        return view.size();
    }

    /** Users connected to this node. */
    public int sizeHere() {
        return view.sizeHere();
    }

    public boolean isFull() {
        return size() >= properties.maxClients();
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
        return view.names();
    }

    Join join(Session session, Username name) {
        if (names.heldByOther(name, session.connectionId())) {
            return Join.TAKEN;
        }
        session.name(name);
        view.arriving(session);
        Join outcome = Join.UNAVAILABLE;
        try {
            outcome = ledger.join(Departure.memberOf(session), properties.maxClients());
        }
        catch (RoomUnavailableException ex) {
            // refused below; a join the store took after all is let go when its lease
            // runs out
        }
        finally {
            if (outcome != Join.JOINED) {
                view.notArriving(session);
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

    /**
     * @return false when nobody has that name
     */
    public boolean kick(String name, String reason) {
        return kick(name, reason, DropReason.KICKED);
    }

    /** Kicks with the kick notices, counted as dropped for {@code why}. */
    boolean kick(String name, String reason, DropReason why) {
        Member member = view.member(name);
        return member != null && kick(member, reason, why);
    }

    /** Kicks the member, on whichever node it is, with the kick notices. */
    boolean kick(Member member, String reason, DropReason why) {
        try {
            ledger.publish(new RoomEvent.Kick(member.id(), reason, why));
        }
        finally {
            settle();
        }
        return true;
    }

    /** A joined user leaves or its connection is gone. */
    void leave(Session session) {
        if (view.withdraw(session)) {
            Departure.leave(ledger, Departure.memberOf(session), Replies.left(session.name()));
        }
        settle();
    }

    /**
     * Closing time on this node: every user here gets {@code line} as its last; the
     * caller closes the connections once written (never under the room's lock).
     */
    void lastLine(String line) {
        view.lastLineHere(line);
        settle();
    }

    /**
     * A line a face's own command makes public (an IRC PRIVMSG to the channel), written
     * as history keeps it ({@link Replies#message}, {@link Replies#action}).
     */
    public void speak(Session from, String line) {
        metrics.received();
        try {
            publish(from, line);
        }
        catch (RoomUnavailableException ex) {
            from.send(Replies.NOT_DELIVERED);
        }
        finally {
            settle();
        }
    }

    /**
     * A private message from a face's own command, with no reply of the line protocol.
     * @return false when nobody in the room has that name
     */
    public boolean tell(Session from, String recipientName, String text) {
        metrics.received();
        Member to = view.member(recipientName);
        if (to == null) {
            return false;
        }
        try {
            ledger.publish(new RoomEvent.Private(Departure.memberOf(from), to.id(), text));
        }
        catch (RoomUnavailableException ex) {
            from.send(Replies.NOT_DELIVERED);
        }
        finally {
            settle();
        }
        return true;
    }

    /** The name as the room spells it, of whoever has it or a look-alike, or null. */
    public Username nameOf(String name) {
        Member member = view.member(name);
        return member == null ? null : member.name();
    }

    void publish(Session from, String line) {
        ledger.send(new RoomEvent.Public(from.connectionId(), line), () -> from.send(Replies.NOT_DELIVERED));
    }

    void whisper(Session from, String recipientName, String text) {
        Member to = view.member(Sanitizer.stripName(recipientName));
        if (to == null) {
            from.send(Replies.noSuchUser(recipientName));
            return;
        }
        ledger.publish(new RoomEvent.Private(Departure.memberOf(from), to.id(), text));
        from.send(Replies.privateTo(to.name(), text));
    }

    void rename(Session session, String typed) {
        String newName = Sanitizer.stripName(typed);
        String refusal = names.rename(session, newName);
        if (refusal != null) {
            session.send(Replies.nickRejected(newName, refusal));
        }
    }

    /**
     * Renames a joined user from a face's own command, with no reply of the line protocol
     * but {@link Replies#NOT_DELIVERED} when the room cannot be reached.
     * @return null once renamed (or not delivered), else why not (the reasons of
     * {@link Username#check}, {@code is taken})
     */
    public String tryRename(Session session, String typed) {
        metrics.received();
        try {
            return names.rename(session, Sanitizer.stripName(typed));
        }
        catch (RoomUnavailableException ex) {
            session.send(Replies.NOT_DELIVERED);
            return null;
        }
        finally {
            settle();
        }
    }

    /** For tests: nothing may close a connection while this is true. */
    boolean heldByCurrentThread() {
        return view.heldByCurrentThread();
    }

    /**
     * Holds a name for a session that is not in the room (see {@link NameClaims}).
     * @return null when held, else why not ({@code is taken})
     */
    String hold(Session session, Username name) {
        return names.hold(session, name);
    }

    /** Whether another connection here holds that name or a look-alike. */
    boolean heldByOther(String name, Session session) {
        return names.heldByOther(name, session);
    }

    void releaseHold(Session session) {
        names.release(session);
    }

    /** See {@link CatchUp}: no lock may be held. */
    private void settle() {
        catchUp.settle();
    }

    /** Whoever has that name (or one that looks alike) on any node, or null. */
    Member member(String name) {
        return view.member(name);
    }

    /** Everyone in the room, on any node, who connected from that address. */
    List<Member> membersFrom(String address) {
        return view.membersFrom(address);
    }

}
