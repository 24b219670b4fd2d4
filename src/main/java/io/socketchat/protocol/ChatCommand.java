package io.socketchat.protocol;

import java.util.Locale;

/**
 * What a joined user's line asks for. Every command is handled through a {@link Handler},
 * which has one method per command: a new command does not compile until every handler
 * says what it does with it. (Java 17 has no exhaustive pattern-matching {@code switch}
 * over a sealed type: that is a preview there, final only in Java 21.)
 */
public sealed interface ChatCommand {

    /**
     * What to do with each command, for the one who sent it.
     *
     * @param <S> who sent the command
     */
    interface Handler<S> {

        void say(S from, Say say);

        void leave(S from, Leave leave);

        void who(S from, Who who);

        void help(S from, Help help);

        void privateMessage(S from, PrivateMessage message);

        void action(S from, Action action);

        void nick(S from, Nick nick);

        void register(S from, Register register);

        void changePassword(S from, ChangePassword change);

        void misused(S from, Misused misused);

        void unknown(S from, Unknown unknown);

        void ignored(S from, Ignored ignored);

    }

    /** Calls the handler's method for this command. */
    <S> void handle(Handler<S> handler, S from);

    /** A chat message for everyone else. */
    record Say(String text) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.say(from, this);
        }
    }

    record Leave() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.leave(from, this);
        }
    }

    record Who() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.who(from, this);
        }
    }

    record Help() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.help(from, this);
        }
    }

    record PrivateMessage(String recipient, String text) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.privateMessage(from, this);
        }
    }

    record Action(String text) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.action(from, this);
        }
    }

    record Nick(String newName) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.nick(from, this);
        }
    }

    /**
     * {@code /register}: the name in use gets an account (accounts in {@code open} mode).
     */
    record Register() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.register(from, this);
        }
    }

    /** {@code /password}: a registered user changes the password. */
    record ChangePassword() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.changePassword(from, this);
        }
    }

    /** A known command used the wrong way: the sender gets {@code usage} back. */
    record Misused(String usage) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.misused(from, this);
        }
    }

    record Unknown(String command) implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.unknown(from, this);
        }
    }

    /** Nothing to do: the line was empty once trailing whitespace was trimmed. */
    record Ignored() implements ChatCommand {
        @Override
        public <S> void handle(Handler<S> handler, S from) {
            handler.ignored(from, this);
        }
    }

    /**
     * Reads one line as the chat protocol does: {@code exit} and {@code /commands},
     * {@code //text} for a message that starts with a slash, anything else a message.
     */
    static ChatCommand parse(String line) {
        String text = line.stripTrailing();
        if (text.isEmpty()) {
            return new Ignored();
        }
        if (text.equals("exit")) {
            return new Leave();
        }
        if (!text.startsWith("/")) {
            return new Say(text);
        }
        if (text.startsWith("//")) {
            return new Say(text.substring(1));
        }
        int space = firstBlank(text);
        String name = (space < 0 ? text.substring(1) : text.substring(1, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        return switch (name) {
            case "quit" -> new Leave();
            case "who" -> new Who();
            case "help" -> new Help();
            case "me" -> rest.isEmpty() ? new Misused("/me <action>") : new Action(rest);
            case "nick" -> rest.isEmpty() || firstBlank(rest) >= 0 ? new Misused("/nick <new name>") : new Nick(rest);
            case "msg" -> privateMessage(rest);
            case "register" -> new Register();
            case "password" -> new ChangePassword();
            default -> new Unknown(space < 0 ? text : text.substring(0, space));
        };
    }

    private static ChatCommand privateMessage(String rest) {
        int space = firstBlank(rest);
        if (space < 0) {
            return new Misused("/msg <user> <text>");
        }
        String text = rest.substring(space + 1).strip();
        return text.isEmpty() ? new Misused("/msg <user> <text>") : new PrivateMessage(rest.substring(0, space), text);
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

}
