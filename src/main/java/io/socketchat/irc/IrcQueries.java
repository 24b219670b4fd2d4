package io.socketchat.irc;

import java.util.List;

import io.socketchat.protocol.Username;
import io.socketchat.room.ChatRoom;

/**
 * What a registered IRC client may ask about the room and the server, answered from the
 * room as it is: NAMES, WHO, WHOIS, TOPIC, MOTD, LUSERS, MODE. Nothing here changes the
 * room.
 */
final class IrcQueries {

    private final IrcServer server;

    private final IrcClient client;

    private final ChatRoom room;

    IrcQueries(IrcServer server, IrcClient client) {
        this.server = server;
        this.client = client;
        this.room = server.room();
    }

    /** Answers the query; false when the command is none of these. */
    boolean answer(IrcMessage message) {
        switch (message.command()) {
            case "NAMES" -> names(message);
            case "WHO" -> who(message);
            case "WHOIS" -> whois(message);
            case "TOPIC" -> topic(message);
            case "MOTD" -> motd();
            case "LUSERS" -> lusers();
            case "MODE" -> mode(message);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void names(IrcMessage message) {
        IrcWire wire = new IrcWire();
        if (message.has(1) && !server.isChannel(message.param(0))) {
            wire.line(server.numeric("366", client.nick()) + " " + message.param(0) + " :End of /NAMES list");
        }
        else {
            server.names(wire, client.nick(), room.who());
        }
        client.send(wire);
    }

    private void who(IrcMessage message) {
        String mask = message.has(1) ? message.param(0) : "*";
        List<String> members;
        if (server.isChannel(mask) || mask.equals("*") || mask.equals("0")) {
            members = room.who();
        }
        else {
            Username one = room.nameOf(mask);
            members = one == null ? List.of() : List.of(one.display());
        }
        IrcWire wire = new IrcWire();
        for (String member : members) {
            wire.line(server.numeric("352", client.nick()) + " " + server.channel() + " " + member + " "
                    + IrcFace.USER_HOST + " " + server.name() + " " + member + " H :0 " + member);
        }
        wire.line(server.numeric("315", client.nick()) + " " + mask + " :End of WHO list");
        client.send(wire);
    }

    private void whois(IrcMessage message) {
        if (!needsParams(message, 1, null)) {
            return;
        }
        String asked = message.param(message.params().size() - 1);
        Username member = room.nameOf(asked);
        IrcWire wire = new IrcWire();
        if (member == null) {
            wire.line(server.numeric("401", client.nick()) + " " + asked + " :No such nick/channel");
        }
        else {
            String nick = member.display();
            wire.line(server.numeric("311", client.nick()) + " " + nick + " " + nick + " " + IrcFace.USER_HOST + " * :"
                    + nick)
                .line(server.numeric("319", client.nick()) + " " + nick + " :" + server.channel())
                .line(server.numeric("312", client.nick()) + " " + nick + " " + server.name() + " :"
                        + server.properties().name());
            asked = nick;
        }
        wire.line(server.numeric("318", client.nick()) + " " + asked + " :End of /WHOIS list");
        client.send(wire);
    }

    private void topic(IrcMessage message) {
        if (!needsParams(message, 1, null)) {
            return;
        }
        String channel = message.param(0);
        if (!server.isChannel(channel)) {
            client.numeric("403", channel + " :No such channel");
        }
        else if (message.has(2)) {
            notOperator(channel);
        }
        else {
            IrcWire wire = new IrcWire();
            server.topic(wire, client.nick());
            client.send(wire);
        }
    }

    private void motd() {
        IrcWire wire = new IrcWire();
        server.motd(wire, client.nick());
        client.send(wire);
    }

    private void lusers() {
        IrcWire wire = new IrcWire();
        server.lusers(wire, client.nick());
        client.send(wire);
    }

    /**
     * Modes can be read, never changed: the channel is +nt, a user has none (or the +i
     * every client asks for, which changes nothing here).
     */
    private void mode(IrcMessage message) {
        if (!needsParams(message, 1, null)) {
            return;
        }
        String target = message.param(0);
        if (target.startsWith("#")) {
            if (!server.isChannel(target)) {
                client.numeric("403", target + " :No such channel");
            }
            else if (!message.has(2)) {
                client.numeric("324", server.channel() + " +nt");
            }
            else if (message.param(1).equals("b") || message.param(1).equals("+b")) {
                client.numeric("368", server.channel() + " :End of channel ban list");
            }
            else {
                notOperator(target);
            }
        }
        else if (!target.equalsIgnoreCase(client.nick())) {
            client.numeric("502", ":Can't change mode for other users");
        }
        else if (!message.has(2)) {
            client.numeric("221", "+i");
        }
        else if (message.param(1).matches("\\+?i")) {
            client.send(":" + IrcFace.mask(client.nick()) + " MODE " + client.nick() + " :+i");
        }
        else {
            client.numeric("501", ":Unknown MODE flag");
        }
    }

    void notOperator(String channel) {
        client.numeric("482", channel + " :You're not channel operator");
    }

    private boolean needsParams(IrcMessage message, int count, Runnable then) {
        return needsParams(client, message, count, then);
    }

    /** 461 unless the command has that many parameters; then runs {@code then}. */
    static boolean needsParams(IrcClient client, IrcMessage message, int count, Runnable then) {
        if (!message.has(count)) {
            client.numeric("461", message.command() + " :Not enough parameters");
            return false;
        }
        if (then != null) {
            then.run();
        }
        return true;
    }

}
