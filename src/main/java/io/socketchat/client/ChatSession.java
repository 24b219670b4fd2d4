package io.socketchat.client;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One visit to the chat: connect, walk the user through joining, then relay lines both
 * ways until the user leaves or the server goes away.
 * <p>
 * Server lines are read on one thread and typed lines on another, so a message arrives
 * while the user is typing and a vanished server is noticed while the user is thinking.
 * Whichever side finishes first decides how the session ends.
 */
public final class ChatSession {

    static final String SERVER_GONE_MESSAGE = "Server disconnected. Exiting chat...";

    /**
     * How long leaving waits for the server to confirm, so others see a clean "left the
     * chat".
     */
    private static final Duration LEAVE_GRACE = Duration.ofSeconds(2);

    private final ChatClientSettings settings;

    private final ChatConsole console;

    private final JoinProgress join = new JoinProgress();

    private final CompletableFuture<SessionEnd> end = new CompletableFuture<>();

    public ChatSession(ChatClientSettings settings, ChatConsole console) {
        this.settings = settings;
        this.console = console;
    }

    public SessionEnd run() {
        ServerConnection connection;
        try {
            connection = ServerConnection.open(settings);
        }
        catch (IOException | IllegalArgumentException e) {
            console.status("Cannot connect to " + settings.host() + ":" + settings.port() + ": " + reason(e));
            return SessionEnd.NOT_CONNECTED;
        }
        try (connection) {
            console.onInterrupt(() -> end.complete(SessionEnd.LEFT));
            Thread listener = start("chat-listener", () -> listen(connection));
            start("chat-typist", () -> type(connection));
            SessionEnd how = end.join();
            join.over();
            if (how == SessionEnd.LEFT && join.joined()) {
                leave(connection, listener);
            }
            if (how == SessionEnd.SERVER_GONE) {
                console.status(SERVER_GONE_MESSAGE);
            }
            return how;
        }
    }

    private void listen(ServerConnection connection) {
        try {
            for (String line = connection.readLine(); line != null; line = connection.readLine()) {
                switch (join.observe(line)) {
                    case QUESTION -> {
                        // The typist shows it as the prompt of the answer.
                    }
                    case OWN_NAME_CHANGED -> {
                        console.show(line);
                        console.promptChanged(join.messagePrompt());
                    }
                    case SHOWN -> console.show(line);
                }
            }
        }
        catch (IOException e) {
            // A reset or a closed socket means the same as the server closing: it is
            // gone.
        }
        end.complete(SessionEnd.SERVER_GONE);
    }

    private void type(ServerConnection connection) {
        try {
            for (Optional<Prompt> turn = join.awaitTurn(); turn.isPresent(); turn = join.awaitTurn()) {
                String line = console.readLine(turn.get());
                if (line == null || isLeaving(line)) {
                    end.complete(SessionEnd.LEFT);
                    return;
                }
                if (end.isDone()) {
                    return;
                }
                if (turn.get().isQuestion()) {
                    // Before sending: the server's reply may be the next question.
                    join.answered();
                }
                else {
                    join.sending(line);
                }
                connection.send(line);
            }
        }
        catch (IOException e) {
            end.complete(SessionEnd.SERVER_GONE);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Says {@code exit} for the user and waits a little for the server to close, as it
     * does.
     */
    private void leave(ServerConnection connection, Thread listener) {
        try {
            connection.send("exit");
            listener.join(LEAVE_GRACE.toMillis());
        }
        catch (IOException e) {
            // The server went away meanwhile: the user is out either way.
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLeaving(String line) {
        String word = line.strip();
        return word.equals("exit") || word.equals("/quit");
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        // Neither may keep the JVM alive: a typist blocked on the keyboard must not stop
        // the exit.
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String reason(Exception e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

}
