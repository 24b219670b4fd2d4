package io.socketchat.client;

/**
 * What the user is being asked for. During joining the server's own question is the
 * prompt (so the dialogue reads like the server's); once joined, the prompt carries the
 * user's name.
 */
public record Prompt(Kind kind, String text) {

    public enum Kind {

        /** An answer to the server's question, shown as typed. */
        ANSWER,
        /** The server password: never echoed, never kept in the history. */
        SECRET,
        /** A chat line or command. */
        MESSAGE

    }

    static Prompt question(String serverLine) {
        boolean password = serverLine.strip().equalsIgnoreCase("Password:");
        return new Prompt(password ? Kind.SECRET : Kind.ANSWER, serverLine);
    }

    static Prompt message(String ownName) {
        return new Prompt(Kind.MESSAGE, ownName);
    }

    public boolean isQuestion() {
        return kind != Kind.MESSAGE;
    }
}
