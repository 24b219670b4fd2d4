package io.socketchat.irc;

import java.nio.charset.StandardCharsets;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.ChatRoom;
import io.socketchat.room.RegistrationDesk;
import io.socketchat.room.Session;

/**
 * What a registered IRC client's commands do in the room: the channel is the room, a nick
 * is a chat name, and the room's rules (rate limit, names, line length) are the only
 * rules. Queries are answered from the room as it is.
 */
final class IrcCommands {

    private final IrcServer server;

    private final RegistrationDesk reception;

    private final IrcClient client;

    private final Session session;

    private final ChatRoom room;

    private final IrcQueries queries;

    IrcCommands(IrcServer server, RegistrationDesk reception, IrcClient client) {
        this.server = server;
        this.reception = reception;
        this.client = client;
        this.session = client.session();
        this.room = server.room();
        this.queries = new IrcQueries(server, client);
    }

    void handle(IrcMessage message) {
        String command = message.command();
        if (!reception.withinRate(session)) {
            if (!command.equals("NOTICE")) {
                session.deliver(server.face().reply(session.name(), Replies.TOO_FAST));
            }
            return;
        }
        switch (command) {
            case "JOIN" -> join(message);
            case "PART" -> part(message);
            case "PRIVMSG", "NOTICE" -> message(message, command.equals("NOTICE"));
            case "NICK" -> nick(message);
            case "KICK" -> needsParams(message, 2, () -> queries.notOperator(message.param(0)));
            default -> {
                if (!queries.answer(message)) {
                    client.numeric("421", command + " :Unknown command");
                }
            }
        }
    }

    private boolean inRoom() {
        return session.stage() == Session.Stage.JOINED;
    }

    private void join(IrcMessage message) {
        if (!needsParams(message, 1, null)) {
            return;
        }
        if (message.param(0).equals("0")) {
            leave("Left all channels");
            return;
        }
        for (String channel : message.param(0).split(",")) {
            if (!server.isChannel(channel)) {
                client.numeric("403", channel + " :No such channel");
            }
            else if (!inRoom()) {
                enter();
            }
        }
    }

    /** The JOIN and the names come with the room's join event, in the room's order. */
    private void enter() {
        switch (reception.enter(session)) {
            case JOINED, BANNED, UNAVAILABLE -> {
                // joined, or turned away with the reason as the last line
            }
            case TAKEN -> client.numeric("433", client.nick() + " :Nickname is already in use");
            case FULL -> client.numeric("471", server.channel() + " :Cannot join channel (+l): "
                    + Replies.serverFull(room.size(), server.properties().maxClients()).substring(2));
        }
    }

    private void part(IrcMessage message) {
        if (!needsParams(message, 1, null)) {
            return;
        }
        String reason = message.has(2) ? IrcText.clean(message.param(1)) : "";
        for (String channel : message.param(0).split(",")) {
            if (!server.isChannel(channel)) {
                client.numeric("403", channel + " :No such channel");
            }
            else if (!inRoom()) {
                client.numeric("442", channel + " :You're not on that channel");
            }
            else {
                leave(reason);
            }
        }
    }

    private void leave(String reason) {
        if (!inRoom()) {
            return;
        }
        client.send(new IrcWire().text(":" + IrcFace.mask(client.nick()) + " PART " + server.channel(),
                reason.isEmpty() ? "Leaving" : reason));
        reception.leaveRoom(session);
    }

    /** PRIVMSG and NOTICE; a NOTICE is never answered, not even with an error. */
    private void message(IrcMessage message, boolean notice) {
        if (!message.has(1) || message.param(0).isEmpty()) {
            answer(notice, "411", ":No recipient given (" + message.command() + ")");
            return;
        }
        String target = message.param(0);
        String raw = message.has(2) ? message.param(1) : "";
        boolean action = raw.startsWith("\u0001ACTION");
        if (!action && raw.startsWith("\u0001")) {
            if (!notice) {
                String ctcp = IrcText.clean(raw).split(" ", 2)[0];
                session.deliver(server.face().reply(session.name(), "CTCP " + ctcp + " is not carried here."));
            }
            return;
        }
        String text = IrcText.clean(action ? raw.substring("\u0001ACTION".length()) : raw);
        text = action ? text.strip() : text;
        if (text.isBlank()) {
            answer(notice, "412", ":No text to send");
            return;
        }
        int maxLineBytes = server.properties().maxLineBytes();
        if (text.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
            if (!notice) {
                session.deliver(server.face().reply(session.name(), Replies.lineTooLong(maxLineBytes)));
            }
            return;
        }
        if (target.startsWith("#")) {
            toChannel(message, notice, target, raw, text, action);
        }
        else {
            toNick(message, notice, target, text, action);
        }
    }

    private void toChannel(IrcMessage message, boolean notice, String target, String raw, String text, boolean action) {
        if (!server.isChannel(target)) {
            answer(notice, "403", target + " :No such channel");
            return;
        }
        if (!inRoom()) {
            answer(notice, "404", target + " :Cannot send to channel");
            return;
        }
        Username me = session.name();
        room.speak(session, action ? Replies.action(me, text) : Replies.message(me, text));
        echo(message, server.channel(), text, action);
    }

    private void toNick(IrcMessage message, boolean notice, String target, String text, boolean action) {
        Username to = room.nameOf(target);
        if (to == null) {
            answer(notice, "401", target + " :No such nick/channel");
            return;
        }
        if (!inRoom()) {
            answer(notice, "404", target + " :Cannot send: join " + server.channel() + " first");
            return;
        }
        // a private action reads as the line side's /me would: "* nick waves"
        room.tell(session, to.display(), action ? Replies.action(session.name(), text) : text);
        echo(message, to.display(), text, action);
    }

    /** echo-message: the sender sees its message as the others do. */
    private void echo(IrcMessage message, String target, String text, boolean action) {
        if (client.hasCapability("echo-message")) {
            client.send(new IrcWire().text(":" + IrcFace.mask(client.nick()) + " " + message.command() + " " + target,
                    text, action ? "\u0001ACTION " : "", action ? "\u0001" : ""));
        }
    }

    private void nick(IrcMessage message) {
        if (!message.has(1) || IrcText.clean(message.param(0)).isBlank()) {
            client.numeric("431", ":No nickname given");
            return;
        }
        String candidate = IrcText.clean(message.param(0)).strip();
        Username before = session.name();
        if (candidate.equals(before.display())) {
            return;
        }
        String reserved = reception.faceAccounts().renameRefusal(session, candidate);
        if (reserved != null) {
            client.nickRefused(candidate, reserved);
            return;
        }
        if (inRoom()) {
            // the NICK comes back to the mover with the room's rename event
            String refusal = room.tryRename(session, candidate);
            if (refusal != null) {
                client.nickRefused(candidate, refusal);
            }
            return;
        }
        String refusal = reception.claimName(session, candidate);
        if (refusal != null) {
            client.nickRefused(candidate, refusal);
        }
        else {
            client.send(":" + IrcFace.mask(before) + " NICK " + session.name());
        }
    }

    private void answer(boolean notice, String code, String rest) {
        if (!notice) {
            client.numeric(code, rest);
        }
    }

    /** 461 unless the command has that many parameters; then runs {@code then}. */
    private boolean needsParams(IrcMessage message, int count, Runnable then) {
        return IrcQueries.needsParams(client, message, count, then);
    }

}
