package io.socketchat.room;

import java.util.List;

import io.socketchat.protocol.Username;

/**
 * How one kind of client is told what happens in the room: the line protocol (TCP and the
 * browser) or another face, such as IRC. Each session has one. The room renders an event
 * once for each face among its recipients, never once per recipient, so a room of line
 * users pays what it paid before there were faces.
 *
 * <p>
 * Every method answers the bytes to queue, terminators included; a face may answer
 * several of its lines in one array (a long line split for IRC).
 */
public interface Face {

    /** How many faces there can be: the size of the room's per-event caches. */
    int SLOTS = 4;

    /** This face's place in the room's per-event caches, below {@link #SLOTS}. */
    int slot();

    /**
     * A line-protocol reply to one session (an error, a notice), in this face's form.
     * @param to the session's name, or null before it has one
     */
    byte[] reply(Username to, String line);

    /** The last reply before the connection is closed (turned away, kicked, closing). */
    byte[] farewell(Username to, String line);

    /**
     * A public line as history keeps it: {@code name: text}, {@code * name action} or
     * {@code Server: text}.
     */
    byte[] publicLine(String line);

    /**
     * The room's notice to everyone in it, from the server (some messages may be missing
     * here).
     */
    byte[] notice(String line);

    /** The room's last line to everyone in it, before every connection closes. */
    byte[] closing(String line);

    byte[] privateFrom(Username from, Username to, String text);

    byte[] joined(Username name);

    /** The room's notice of a user leaving (left, kicked, not reading). */
    byte[] left(Username name, String notice);

    byte[] renamed(Username from, Username to);

    /** What a user who has just joined is told: who is in and, maybe, the history. */
    List<byte[]> welcome(Username you, List<String> names, List<String> history);

    /**
     * Whether a connection of this face that has not joined the room is told that the
     * server closes (IRC clients expect the notice once registered).
     */
    default boolean toldOfClosingWhilePending() {
        return false;
    }

}
