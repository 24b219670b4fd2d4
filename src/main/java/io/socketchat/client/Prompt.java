package io.socketchat.client;

import java.util.regex.Pattern;

/**
 * What the user is being asked for. During joining the server's own question is the
 * prompt (so the dialogue reads like the server's); once joined, the prompt carries the
 * user's name.
 */
public record Prompt(Kind kind, String text) {

    public enum Kind {

        /** An answer to the server's question, shown as typed. */
        ANSWER,
        /**
         * A password or invite code: never echoed, never kept in the history.
         */
        SECRET,
        /** A chat line or command. */
        MESSAGE

    }

    /**
     * The server's questions whose answers nobody may see: the room password, an
     * account's password, an invite code, a new password and its repeat (PROTOCOL.md
     * "Accounts (v3)").
     */
    private static final Pattern SECRET_QUESTION = Pattern.compile(
            "Password:|Password for \\S+:|Invite code for \\S+:"
                    + "|(! (At least 8 characters|At most 256 bytes|The passwords differ)\\. )?"
                    + "Choose a password \\(at least 8 characters\\):|Repeat the password:|Current password:",
            Pattern.CASE_INSENSITIVE);

    static Prompt question(String serverLine) {
        return new Prompt(isSecretQuestion(serverLine) ? Kind.SECRET : Kind.ANSWER, serverLine);
    }

    static boolean isSecretQuestion(String serverLine) {
        return SECRET_QUESTION.matcher(serverLine.strip()).matches();
    }

    static Prompt message(String ownName) {
        return new Prompt(Kind.MESSAGE, ownName);
    }

    public boolean isQuestion() {
        return kind != Kind.MESSAGE;
    }
}
