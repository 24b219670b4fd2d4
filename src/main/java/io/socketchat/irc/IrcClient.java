package io.socketchat.irc;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;
import io.socketchat.room.FaceLogin;
import io.socketchat.room.RegistrationDesk;
import io.socketchat.room.Session;
import io.socketchat.server.Doorway;

/**
 * One IRC connection, from its first line to its last: registration ({@code PASS},
 * {@code NICK}, {@code USER}, capability negotiation), then the commands of a registered
 * client ({@link IrcCommands}). Lines come one at a time, in the order sent, so its state
 * needs no locking.
 */
final class IrcClient implements Doorway.Visit {

    private final IrcServer server;

    private final RegistrationDesk reception;

    private final Session session;

    private final IrcCommands commands;

    private String password;

    private boolean userGiven;

    /** CAP LS or REQ before registration holds it until CAP END. */
    private boolean negotiating;

    private boolean registered;

    private final Set<String> capabilities = new HashSet<>();

    IrcClient(IrcServer server, RegistrationDesk reception, Session session) {
        this.server = server;
        this.reception = reception;
        this.session = session;
        this.commands = new IrcCommands(server, reception, this);
    }

    Session session() {
        return session;
    }

    /** The client's nick, or {@code *} before it has one. */
    String nick() {
        Username name = session.name();
        return name == null ? "*" : name.display();
    }

    boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }

    void send(IrcWire wire) {
        session.deliver(wire.bytes());
    }

    void send(String line) {
        session.deliver(IrcWire.of(line));
    }

    void numeric(String code, String rest) {
        send(server.numeric(code, nick()) + " " + rest);
    }

    @Override
    public void lineFrom(InboundLine line) {
        // while an account's password is checked, lines wait and come back to handle
        if (!reception.faceAccounts().holds(session, line)) {
            handle(line);
        }
    }

    private void handle(InboundLine line) {
        if (session.stage() == Session.Stage.GONE) {
            return;
        }
        if (line instanceof InboundLine.TooLong) {
            numeric("417", ":Input line was too long");
            return;
        }
        String text = ((InboundLine.Text) line).text();
        if (text.isBlank()) {
            return;
        }
        IrcMessage message = IrcMessage.parse(text);
        switch (message.command()) {
            case "CAP" -> cap(message);
            case "PASS" -> pass(message);
            case "USER" -> user(message);
            case "PING" -> ping(message);
            case "PONG" -> {
                // the answer to nothing the server asked: clients send it to measure lag
            }
            case "QUIT" -> quit(message);
            case "NICK" -> {
                if (registered) {
                    commands.handle(message);
                }
                else {
                    nick(message);
                }
            }
            default -> {
                if (registered) {
                    commands.handle(message);
                }
                else if (!message.command().isEmpty()) {
                    numeric("451", ":You have not registered");
                }
            }
        }
    }

    @Override
    public void departed() {
        reception.departed(session);
    }

    private void pass(IrcMessage message) {
        if (registered) {
            numeric("462", ":You may not reregister");
        }
        else if (!message.has(1)) {
            numeric("461", "PASS :Not enough parameters");
        }
        else {
            password = message.param(0);
        }
    }

    private void user(IrcMessage message) {
        if (registered) {
            numeric("462", ":You may not reregister");
        }
        else if (!message.has(4) || message.param(0).isEmpty()) {
            numeric("461", "USER :Not enough parameters");
        }
        else {
            // the user and real name are not shown: every member is nick!nick@chat/user
            userGiven = true;
            register();
        }
    }

    private void nick(IrcMessage message) {
        if (!message.has(1) || IrcText.clean(message.param(0)).isBlank()) {
            numeric("431", ":No nickname given");
            return;
        }
        String candidate = IrcText.clean(message.param(0)).strip();
        String refusal = reception.claimName(session, candidate);
        if (refusal != null) {
            nickRefused(candidate, refusal);
            return;
        }
        register();
    }

    /**
     * 433 for a name in use or an account's (or like one), 432 for one the chat's rules
     * refuse.
     */
    void nickRefused(String candidate, String reason) {
        if (reason.equals("is taken")) {
            numeric("433", candidate + " :Nickname is already in use");
        }
        else if (reason.equals("is registered")) {
            numeric("433", candidate + " :Nickname is registered to an account");
        }
        else if (reason.equals("has no account here")) {
            numeric("433", candidate + " :" + IrcFace.words(Replies.noAccountHereLastTry(candidate)));
        }
        else {
            numeric("432", candidate + " :Erroneous nickname: " + candidate + " " + reason);
        }
    }

    private void register() {
        if (registered || negotiating || !userGiven || session.name() == null) {
            return;
        }
        IrcLogin.Pass pass = IrcLogin.Pass.of(password, server.properties());
        if (!reception.passwordAccepted(session, pass.room())) {
            return;
        }
        reception.faceAccounts().logIn(session, pass.account(), this::handle, this::loggedIn);
    }

    private void loggedIn(FaceLogin login) {
        switch (login.verdict()) {
            case ENTER -> {
                password = null;
                registered = true;
                reception.registered(session);
                IrcWire wire = new IrcWire();
                server.welcome(wire, nick());
                send(wire);
            }
            // an account was made meanwhile: another NICK may still register
            case LOOK_ALIKE -> nickRefused(nick(), "is registered");
            default -> reception.faceAccounts().close(session, IrcLogin.refusal(server, nick(), login));
        }
    }

    private void cap(IrcMessage message) {
        String sub = message.has(1) ? message.param(0).toUpperCase(Locale.ROOT) : "";
        switch (sub) {
            case "LS" -> {
                negotiating = !registered;
                send(":" + server.name() + " CAP " + nick() + " LS :" + String.join(" ", IrcServer.CAPABILITIES));
            }
            case "LIST" -> send(":" + server.name() + " CAP " + nick() + " LIST :" + String.join(" ", capabilities));
            case "REQ" -> {
                negotiating = !registered;
                String requested = message.has(2) ? message.param(1) : "";
                capabilityRequest(requested);
            }
            case "END" -> {
                if (negotiating) {
                    negotiating = false;
                    register();
                }
            }
            default -> numeric("410", (sub.isEmpty() ? "*" : message.param(0)) + " :Invalid CAP command");
        }
    }

    /** All or nothing: every capability asked for is known, or none changes. */
    private void capabilityRequest(String requested) {
        List<String> asked = List.of(requested.trim().split(" +"));
        boolean known = !requested.isBlank()
                && asked.stream().allMatch(cap -> IrcServer.CAPABILITIES.contains(cap.replaceFirst("^-", "")));
        if (!known) {
            send(":" + server.name() + " CAP " + nick() + " NAK :" + requested);
            return;
        }
        for (String cap : asked) {
            if (cap.startsWith("-")) {
                capabilities.remove(cap.substring(1));
            }
            else {
                capabilities.add(cap);
            }
        }
        send(":" + server.name() + " CAP " + nick() + " ACK :" + requested);
    }

    private void ping(IrcMessage message) {
        if (!message.has(1) || message.param(0).isEmpty()) {
            numeric("409", ":No origin specified");
            return;
        }
        send(":" + server.name() + " PONG " + server.name() + " :" + message.param(0));
    }

    private void quit(IrcMessage message) {
        String reason = message.has(1) ? IrcText.clean(message.param(0)) : "Client Quit";
        send("ERROR :Closing Link: " + nick() + " (Quit: " + reason + ")");
        reception.quit(session);
    }

}
