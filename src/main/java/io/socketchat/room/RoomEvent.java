package io.socketchat.room;

import java.util.List;

import io.socketchat.protocol.Username;

/**
 * What happens in the room, in the one order every node applies it: the
 * {@link RoomLedger} gives each event its place, then hands it to the {@link ChatRoom} of
 * every node, which tells its own users.
 */
public sealed interface RoomEvent {

    /** A user took a name and a place. */
    record Joined(Member member) implements RoomEvent {
    }

    /** A user is out; everyone sees {@code notice} (left, kicked, not reading). */
    record Left(Member member, String notice) implements RoomEvent {
    }

    record Renamed(Member member, Username to) implements RoomEvent {
    }

    /**
     * A line for everyone but its sender ({@code fromId} null for the server), kept in
     * history.
     */
    record Public(String fromId, String line) implements RoomEvent {
    }

    record Private(Member from, String toId, String text) implements RoomEvent {
    }

    /** The admin of some node kicks (or bans) a user of whichever node it is on. */
    record Kick(String targetId, String reason, ChatMetrics.DropReason why) implements RoomEvent {
    }

    /**
     * Everyone in the room and the recent history, as the ledger holds them when a node
     * starts reading.
     */
    record Restored(List<Member> roster, List<String> history) implements RoomEvent {
    }

}
