package io.socketchat.protocol;

import java.util.Locale;

/** What a joined user's line asks for. */
public sealed interface ChatCommand {

    /** A chat message for everyone else. */
    record Say(String text) implements ChatCommand {
    }

    record Leave() implements ChatCommand {
    }

    record Who() implements ChatCommand {
    }

    record Help() implements ChatCommand {
    }

    record PrivateMessage(String recipient, String text) implements ChatCommand {
    }

    record Action(String text) implements ChatCommand {
    }

    record Nick(String newName) implements ChatCommand {
    }

    /** A known command used the wrong way: the sender gets {@code usage} back. */
    record Misused(String usage) implements ChatCommand {
    }

    record Unknown(String command) implements ChatCommand {
    }

    /** Nothing to do: the line was empty once trailing whitespace was trimmed. */
    record Ignored() implements ChatCommand {
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
