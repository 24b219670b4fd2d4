package io.socketchat.irc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.ChatRoom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The server as IRC clients know it: its name, the one channel, and the numerics that
 * describe them (the welcome burst, topic, names, LUSERS, MOTD), written in one place.
 */
@Component
@ConditionalOnExpression(IrcServerConfig.ANY_PORT)
class IrcServer {

    static final String VERSION = "socket-chat-3";

    /** Capabilities offered; each works as its specification says. */
    static final List<String> CAPABILITIES = List.of("echo-message", "multi-prefix");

    private final ChatProperties properties;

    private final ChatRoom room;

    private final String name;

    private final IrcFace face;

    /** The topic (the chat's name) is as old as the server. */
    private final long created = Instant.now().getEpochSecond();

    IrcServer(ChatProperties properties, ChatRoom room) {
        this.properties = properties;
        this.room = room;
        String configured = properties.irc().serverName();
        this.name = configured.isEmpty() ? hostName() : configured;
        this.face = new IrcFace(this);
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.matches("[A-Za-z0-9.-]+") ? host : "localhost";
        }
        catch (UnknownHostException ex) {
            return "localhost";
        }
    }

    IrcFace face() {
        return face;
    }

    String name() {
        return name;
    }

    String channel() {
        return properties.irc().channel();
    }

    boolean isChannel(String target) {
        return channel().equalsIgnoreCase(target);
    }

    ChatRoom room() {
        return room;
    }

    ChatProperties properties() {
        return properties;
    }

    String numeric(String code, String nick) {
        return ":" + name + " " + code + " " + nick;
    }

    /** 001 to 005, LUSERS and the MOTD: what a client gets once registered. */
    void welcome(IrcWire wire, String nick) {
        wire.line(numeric("001", nick) + " :Welcome to " + properties.name() + ", " + IrcFace.mask(nick))
            .line(numeric("002", nick) + " :Your host is " + name + ", running version " + VERSION)
            .line(numeric("003", nick) + " :This server was created " + Instant.ofEpochSecond(created))
            .line(numeric("004", nick) + " " + name + " " + VERSION + " i nt");
        List<String> tokens = List.of("CASEMAPPING=rfc8265", "CHANLIMIT=#:1", "CHANMODES=,,,nt",
                "CHANNELLEN=" + Math.max(50, channel().length()), "CHANTYPES=#", "MAXTARGETS=1",
                "NETWORK=" + properties.name().replace(' ', '-'), "NICKLEN=20", "PREFIX=", "UTF8ONLY");
        wire.line(numeric("005", nick) + " " + String.join(" ", tokens) + " :are supported by this server");
        lusers(wire, nick);
        motd(wire, nick);
    }

    void lusers(IrcWire wire, String nick) {
        int users = room.size();
        wire.line(numeric("251", nick) + " :There are " + users + " users and 0 invisible on 1 servers")
            .line(numeric("255", nick) + " :I have " + users + " clients and 1 servers");
    }

    void motd(IrcWire wire, String nick) {
        wire.line(numeric("375", nick) + " :- " + name + " Message of the day -")
            .text(numeric("372", nick), "- " + properties.name() + ": one room, joined from nc, the browser and IRC.")
            .text(numeric("372", nick), "- /join " + channel() + " to enter it.")
            .line(numeric("376", nick) + " :End of /MOTD command.");
    }

    /** 332 and 333: the topic is the chat's name, set when the server started. */
    void topic(IrcWire wire, String nick) {
        wire.text(numeric("332", nick) + " " + channel(), properties.name())
            .line(numeric("333", nick) + " " + channel() + " " + name + " " + created);
    }

    /** 353 (as many as the names need) and 366. */
    void names(IrcWire wire, String nick, List<String> names) {
        if (!names.isEmpty()) {
            wire.words(numeric("353", nick) + " = " + channel(), names);
        }
        wire.line(numeric("366", nick) + " " + channel() + " :End of /NAMES list");
    }

}
