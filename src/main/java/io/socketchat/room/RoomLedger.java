package io.socketchat.room;

import java.util.List;
import java.util.Map;

import io.socketchat.protocol.Username;

/**
 * Who holds which name, how many are in, and the one order of everything that happens in
 * the room: in this JVM alone ({@link LocalLedger}) or shared by several nodes (the
 * {@code cluster} package). Every change is handed to the attached room as a
 * {@link RoomEvent}; when a method returns, the event it caused has been applied on this
 * node (or the ledger gave up waiting for that). Every method may throw
 * {@link RoomUnavailableException}: then nothing was done.
 */
public interface RoomLedger {

    /** The room as the ledger sees it. */
    interface Room {

        /**
         * One event, in the ledger's order; never called with the room's lock held by the
         * ledger's caller.
         */
        void apply(RoomEvent event);

        /**
         * Called after a batch of events applied by the ledger's own thread (none in this
         * JVM alone).
         */
        void applied();

        /** The users connected to this node, whose places this node keeps. */
        List<Member> membersHere();

        /**
         * The users connected to this node whose join has been applied here (not those
         * still waiting for it).
         */
        List<Member> joinedHere();

        /** A line for one user connected here (nothing if it is not). */
        void tell(String memberId, String line);

        /** A line for every user connected here, not kept in history. */
        void tellEveryone(String line);

    }

    void attach(Room room);

    /**
     * Takes the member's name and a place if the name is free and fewer than
     * {@code maxClients} are in.
     */
    ChatRoom.Join join(Member member, int maxClients);

    /**
     * @return false when someone else holds that name
     */
    boolean rename(Member member, Username to);

    /**
     * Frees the member's name and place and tells everyone {@code notice}; nothing if it
     * was already out.
     */
    void leave(Member member, String notice);

    /** A public line, a private message or a kick. */
    void publish(RoomEvent event);

    /**
     * A user's public line, for which nothing waits: {@code notDelivered} runs (perhaps
     * on another thread, perhaps later) if it was not delivered. Lines of one sender keep
     * their order.
     */
    default void send(RoomEvent event, Runnable notDelivered) {
        try {
            publish(event);
        }
        catch (RoomUnavailableException ex) {
            notDelivered.run();
        }
    }

    /** False while the shared store cannot be reached. */
    boolean available();

    /** What the {@code chat} health component shows of the ledger. */
    Map<String, Object> details();

}
