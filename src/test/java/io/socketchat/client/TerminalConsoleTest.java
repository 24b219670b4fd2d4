package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class TerminalConsoleTest {

    private final Keyboard keyboard = new Keyboard();
    private final TerminalScreen screen = new TerminalScreen();

    @Test
    void aServerLineAppearsAboveTheLineBeingTyped() {
        TerminalConsole console = new TerminalConsole(screen.terminal(keyboard), true);
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> console.readLine(Prompt.message("alice")));
        screen.awaitLastRow("alice>");
        keyboard.type("hel");
        screen.awaitLastRow("alice> hel");
        console.show("bob: hi there");
        screen.awaitRow("bob: hi there");
        assertThat(screen.shownRows()).endsWith("bob: hi there", "alice> hel");
        keyboard.type("lo\r");
        assertThat(typed.join()).isEqualTo("hello");
        console.close();
    }

    @Test
    void closingWhileTheUserTypesLeavesACleanLine() {
        TerminalConsole console = new TerminalConsole(screen.terminal(keyboard), true);
        CompletableFuture.runAsync(() -> console.readLine(Prompt.message("alice")));
        screen.awaitLastRow("alice>");
        keyboard.type("half a thought");
        screen.awaitLastRow("alice> half a thought");
        console.status(ChatSession.SERVER_GONE_MESSAGE);
        console.close();
        assertThat(screen.shownRows()).last().isEqualTo(ChatSession.SERVER_GONE_MESSAGE);
    }
}
