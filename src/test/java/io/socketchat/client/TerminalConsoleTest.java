package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalConsoleTest {

    private static final String UP = "\u001B[A";
    private static final String LEFT = "\u001B[D";

    private final Keyboard keyboard = new Keyboard();
    private final TerminalScreen screen = new TerminalScreen();
    private final TerminalConsole console = new TerminalConsole(screen.terminal(keyboard), true);

    @AfterEach
    void closeTerminal() {
        console.close();
        keyboard.end();
    }

    private CompletableFuture<String> reading(Prompt prompt) {
        return CompletableFuture.supplyAsync(() -> console.readLine(prompt));
    }

    private static String result(CompletableFuture<String> line) throws Exception {
        return line.get(Screen.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aServerLineAppearsAboveTheLineBeingTyped() throws Exception {
        CompletableFuture<String> typed = reading(Prompt.message("alice"));
        screen.awaitLastRow("alice>");
        keyboard.type("hel");
        screen.awaitLastRow("alice> hel");

        console.show("bob: hi there");

        screen.awaitRow("bob: hi there");
        assertThat(screen.shownRows()).endsWith("bob: hi there", "alice> hel");
        keyboard.type("lo\r");
        assertThat(result(typed)).isEqualTo("hello");
    }

    @Test
    void linesAreEditedInPlaceAndTheHistoryComesBackWithUp() throws Exception {
        CompletableFuture<String> first = reading(Prompt.message("alice"));
        keyboard.type("first\r");
        assertThat(result(first)).isEqualTo("first");

        CompletableFuture<String> second = reading(Prompt.message("alice"));
        keyboard.type("hello bob" + LEFT + LEFT + LEFT + "there \r");
        assertThat(result(second)).isEqualTo("hello there bob");

        CompletableFuture<String> third = reading(Prompt.message("alice"));
        keyboard.type(UP);
        screen.awaitLastRow("alice> hello there bob");
        keyboard.type(UP + "!\r");
        assertThat(result(third)).isEqualTo("first!");
        assertThat(screen.shownRows()).containsExactly("alice> first", "alice> hello there bob", "alice> first!");
    }

    @Test
    void aSecretIsShownAsStarsAndNeverComesBack() throws Exception {
        CompletableFuture<String> password = reading(Prompt.question("Password:"));
        keyboard.type("s3cret");
        screen.awaitLastRow("Password: ******");
        keyboard.type("\r");
        assertThat(result(password)).isEqualTo("s3cret");

        CompletableFuture<String> next = reading(Prompt.message("alice"));
        keyboard.type(UP + "\r");
        assertThat(result(next)).isEmpty();
        assertThat(screen.raw()).doesNotContain("s3cret");
    }

    @Test
    void ctrlDOnAnEmptyLineEndsTheInput() throws Exception {
        CompletableFuture<String> line = reading(Prompt.message("alice"));
        keyboard.type("\u0004");
        assertThat(result(line)).isNull();
    }

    @Test
    void closingWhileTheUserTypesLeavesACleanLine() {
        reading(Prompt.message("alice"));
        screen.awaitLastRow("alice>");
        keyboard.type("half a thought");
        screen.awaitLastRow("alice> half a thought");

        console.status(ChatSession.SERVER_GONE_MESSAGE);
        console.close();

        assertThat(screen.shownRows()).last().isEqualTo(ChatSession.SERVER_GONE_MESSAGE);
    }
}
