package io.socketchat.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.socketchat.support.LineClient;

/**
 * A {@link ChatSession} running on its own thread against a real server, typed on through
 * a {@link Keyboard}: in a terminal (JLine on an emulated screen) or in line mode (like a
 * pipe).
 */
final class RunningClient implements AutoCloseable {

    final Keyboard keyboard;

    private final ChatConsole console;

    private final CompletableFuture<SessionEnd> end = new CompletableFuture<>();

    private RunningClient(Keyboard keyboard, ChatConsole console, int port) {
        this.keyboard = keyboard;
        this.console = console;
        ChatSession session = new ChatSession(new ChatClientSettings("127.0.0.1", port, Duration.ofSeconds(5)),
                console);
        Thread thread = new Thread(() -> {
            try {
                end.complete(session.run());
            }
            catch (Throwable failure) {
                end.completeExceptionally(failure);
            }
        }, "test-chat-client");
        thread.setDaemon(true);
        thread.start();
    }

    static RunningClient inTerminal(int port, TerminalScreen screen) {
        Keyboard keyboard = new Keyboard();
        return new RunningClient(keyboard, new TerminalConsole(screen.terminal(keyboard), true), port);
    }

    /**
     * Alice, joined from a terminal: her prompt is up and {@code other} has seen her
     * join.
     */
    static RunningClient aliceInTerminal(int port, TerminalScreen screen, LineClient other) {
        RunningClient alice = inTerminal(port, screen);
        screen.awaitLastRow("Welcome to Socket Chat! Enter your username:");
        alice.keyboard.type("alice\r");
        screen.awaitLastRow("alice>");
        other.expect("* alice joined the chat");
        return alice;
    }

    static RunningClient inLineMode(int port, Screen out, Screen err) {
        Keyboard keyboard = new Keyboard();
        return new RunningClient(keyboard, new LineConsole(keyboard, out, err), port);
    }

    SessionEnd awaitEnd() {
        try {
            return end.get(Screen.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The session did not end", e);
        }
    }

    /** As the client's main does: the console first, then the keyboard goes quiet. */
    @Override
    public void close() {
        console.close();
        keyboard.end();
    }

}
