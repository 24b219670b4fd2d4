package io.socketchat.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the server's side of joining (password, username, retries, then {@code Hello})
 * so the client knows what the user is being asked, whether they are in the chat, and
 * under which name.
 * <p>
 * The reader thread reports every server line here; the input thread waits here for its
 * turn. Waiting keeps a line typed ahead from being sent as the answer to a question not
 * yet asked, and lets the password prompt hide what is typed.
 */
final class JoinProgress {

    /** What a server line means to the client. */
    enum LineRole {

        /**
         * The server asks for something; the line becomes the prompt rather than output.
         */
        QUESTION,
        /**
         * The user's own name changed (after {@code /nick}); the prompt shows the new
         * one.
         */
        OWN_NAME_CHANGED,
        /** Anything else: shown as it is. */
        SHOWN

    }

    private static final Pattern HELLO = Pattern.compile("^Hello ([^\\s!]+)! ");

    private static final Pattern RENAMED = Pattern.compile("^\\* (\\S+) is now known as (\\S+)$");

    /**
     * The server's last word in an account dialogue: an error (only ever to this user) or
     * its success line. Other users' lines in between do not end the wait.
     */
    private static final Pattern DIALOGUE_END = Pattern.compile(
            "^(! .*|\\* Password changed\\.|\\* \\S+ is registered: this name needs its password from now on\\.)$");

    private Prompt question;

    private String name;

    private boolean over;

    /**
     * Once joined: the user answered an account question or started a dialogue
     * ({@code /password}, {@code /register}); the next turn waits for the server's reply,
     * which may be the next secret question.
     */
    private boolean awaitingReply;

    synchronized LineRole observe(String line) {
        if (name != null) {
            if (awaitingReply && Prompt.isSecretQuestion(line)) {
                // only a question asked after the user's own command (another user's
                // line cannot look like one: it starts with a name)
                awaitingReply = false;
                question = Prompt.question(line);
                notifyAll();
                return LineRole.QUESTION;
            }
            if (awaitingReply && DIALOGUE_END.matcher(line).matches()) {
                awaitingReply = false;
                notifyAll();
            }
            Matcher renamed = RENAMED.matcher(line);
            if (renamed.matches() && renamed.group(1).equalsIgnoreCase(name)) {
                name = renamed.group(2);
                return LineRole.OWN_NAME_CHANGED;
            }
            return LineRole.SHOWN;
        }
        Matcher hello = HELLO.matcher(line);
        if (hello.find()) {
            name = hello.group(1);
            question = null;
            notifyAll();
            return LineRole.SHOWN;
        }
        // Before joining, every line the server ends with a colon waits for an answer:
        // "Password:", "Welcome to ...! Enter your username:", "! ... Enter another
        // username:".
        if (line.stripTrailing().endsWith(":")) {
            question = Prompt.question(line.stripTrailing());
            notifyAll();
            return LineRole.QUESTION;
        }
        return LineRole.SHOWN;
    }

    /**
     * Blocks until the user may type: a question is pending or the user has joined. Empty
     * once the session is over.
     */
    synchronized Optional<Prompt> awaitTurn() throws InterruptedException {
        while (!over && ((name == null && question == null) || awaitingReply)) {
            wait();
        }
        if (over) {
            return Optional.empty();
        }
        return Optional.of(question != null ? question : Prompt.message(name));
    }

    /**
     * The pending question got its answer; the next turn comes with the server's reply.
     */
    synchronized void answered() {
        question = null;
        if (name != null) {
            awaitingReply = true;
        }
    }

    /**
     * The joined user typed a line: one that starts an account dialogue makes the next
     * turn wait for the server's reply, so the answer to its question is typed hidden.
     */
    synchronized void sending(String line) {
        String command = line.strip();
        if (name != null && (command.equals("/password") || command.equals("/register"))) {
            awaitingReply = true;
        }
    }

    synchronized boolean joined() {
        return name != null;
    }

    synchronized Prompt messagePrompt() {
        return Prompt.message(name);
    }

    synchronized void over() {
        over = true;
        notifyAll();
    }

}
