package io.socketchat.irc;

import java.util.ArrayList;
import java.util.List;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.Face;

/**
 * The room as IRC clients see it: one channel. Lines from the rest of the chat arrive as
 * PRIVMSG from their author's nick, joins, leaves, renames and kicks as the IRC events
 * that match them, the server's own words as NOTICE from the server. The room's public
 * lines come as history keeps them; their form is unambiguous (a name has no colon and no
 * space, and {@code server} is reserved), so this face reads author and text back from
 * it, and events and history need carry nothing more for IRC.
 */
final class IrcFace implements Face {

    /**
     * Every member's user@host: no address is shown to other users, and a host no name
     * can be (names have no slash).
     */
    static final String USER_HOST = "chat/user";

    private final IrcServer server;

    IrcFace(IrcServer server) {
        this.server = server;
    }

    static String mask(Username name) {
        return mask(name.display());
    }

    static String mask(String nick) {
        return nick + "!" + nick + "@" + USER_HOST;
    }

    @Override
    public int slot() {
        return 1;
    }

    @Override
    public byte[] reply(Username to, String line) {
        return new IrcWire().text(":" + server.name() + " NOTICE " + target(to), line).bytes();
    }

    @Override
    public byte[] farewell(Username to, String line) {
        IrcWire wire = new IrcWire();
        if (Replies.WRONG_PASSWORD.equals(line)) {
            wire.line(server.numeric("464", target(to)) + " :Password incorrect");
        }
        else if (line.equals(Replies.youWereKicked("")) || line.startsWith(kickedBecause())) {
            String reason = line.startsWith(kickedBecause()) ? line.substring(kickedBecause().length()) : "";
            wire.text(":" + server.name() + " KICK " + server.channel() + " " + target(to), reason);
        }
        else {
            wire.text(":" + server.name() + " NOTICE " + target(to), words(line));
        }
        return wire.line("ERROR :" + words(line)).bytes();
    }

    @Override
    public byte[] notice(String line) {
        return new IrcWire().text(":" + server.name() + " NOTICE " + server.channel(), words(line)).bytes();
    }

    @Override
    public byte[] closing(String line) {
        return new IrcWire().text(":" + server.name() + " NOTICE " + server.channel(), words(line))
            .line("ERROR :" + words(line))
            .bytes();
    }

    @Override
    public byte[] publicLine(String line) {
        IrcWire wire = new IrcWire();
        String serverWords = Replies.server("");
        if (line.startsWith(serverWords)) {
            return wire.text(":" + server.name() + " NOTICE " + server.channel(), line.substring(serverWords.length()))
                .bytes();
        }
        if (line.startsWith("* ")) {
            int space = line.indexOf(' ', 2);
            String nick = space < 0 ? line.substring(2) : line.substring(2, space);
            String action = space < 0 ? "" : line.substring(space + 1);
            return wire.text(":" + mask(nick) + " PRIVMSG " + server.channel(), action, "\u0001ACTION ", "\u0001")
                .bytes();
        }
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            return wire.text(":" + server.name() + " NOTICE " + server.channel(), line).bytes();
        }
        return wire
            .text(":" + mask(line.substring(0, colon)) + " PRIVMSG " + server.channel(), line.substring(colon + 2))
            .bytes();
    }

    @Override
    public byte[] privateFrom(Username from, Username to, String text) {
        return new IrcWire().text(":" + mask(from) + " PRIVMSG " + to, text).bytes();
    }

    @Override
    public byte[] joined(Username name) {
        return IrcWire.of(":" + mask(name) + " JOIN " + server.channel());
    }

    @Override
    public byte[] left(Username name, String notice) {
        String kicked = Replies.kicked(name, "");
        if (notice.equals(kicked)) {
            return IrcWire.of(":" + server.name() + " KICK " + server.channel() + " " + name + " :");
        }
        if (notice.startsWith(kicked + " (") && notice.endsWith(")")) {
            return new IrcWire()
                .text(":" + server.name() + " KICK " + server.channel() + " " + name,
                        notice.substring(kicked.length() + 2, notice.length() - 1))
                .bytes();
        }
        String about = "* " + name + " ";
        String reason = notice.startsWith(about) ? notice.substring(about.length()) : words(notice);
        return new IrcWire().text(":" + mask(name) + " QUIT", reason).bytes();
    }

    @Override
    public byte[] renamed(Username from, Username to) {
        return IrcWire.of(":" + mask(from) + " NICK " + to);
    }

    @Override
    public List<byte[]> welcome(Username you, List<String> names, List<String> history) {
        List<byte[]> lines = new ArrayList<>(4 + history.size());
        IrcWire wire = new IrcWire().line(":" + mask(you) + " JOIN " + server.channel());
        server.topic(wire, you.display());
        server.names(wire, you.display(), names);
        lines.add(wire.bytes());
        if (!history.isEmpty()) {
            String notice = ":" + server.name() + " NOTICE " + server.channel();
            lines.add(new IrcWire().text(notice, Replies.historyStart(history.size())).bytes());
            history.forEach(line -> lines.add(new IrcWire().text(notice, line).bytes()));
            lines.add(new IrcWire().text(notice, Replies.HISTORY_END).bytes());
        }
        return lines;
    }

    @Override
    public boolean toldOfClosingWhilePending() {
        return true;
    }

    /** What {@link Replies#youWereKicked} writes before a reason. */
    private static String kickedBecause() {
        String withReason = Replies.youWereKicked("x");
        return withReason.substring(0, withReason.length() - 1);
    }

    private static String target(Username to) {
        return to == null ? "*" : to.display();
    }

    /** A line of the chat's own without its mark ({@code ! } or {@code * }). */
    static String words(String line) {
        return line.startsWith("! ") || line.startsWith("* ") ? line.substring(2) : line;
    }

}
