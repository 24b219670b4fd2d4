package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalConsoleTest {

    private static final String UP = "\u001B[A";

    private static final String LEFT = "\u001B[D";

    private static final String DOWN = "\u001B[B";

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

    /** Types the keys at alice's prompt, then Enter; returns the line read. */
    private String enter(String keys) throws Exception {
        CompletableFuture<String> line = reading(Prompt.message("alice"));
        keyboard.type(keys + "\r");
        return result(line);
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
        assertThat(enter("first")).isEqualTo("first");

        assertThat(enter("hello bob" + LEFT + LEFT + LEFT + "there ")).isEqualTo("hello there bob");

        CompletableFuture<String> third = reading(Prompt.message("alice"));
        keyboard.type(UP);
        screen.awaitLastRow("alice> hello there bob");
        keyboard.type(UP + "!\r");
        assertThat(result(third)).isEqualTo("first!");
        assertThat(screen.shownRows()).containsExactly("alice> first", "alice> hello there bob", "alice> first!");
    }

    /**
     * The keys docs/client.md lists, each on "hello big world" with the cursor at the
     * end, then Enter.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Home, then text           | \\u001B[H>\\u0020           | > hello big world
            Ctrl-A, then text         | \\u0001>\\u0020             | > hello big world
            End after Home            | \\u0001\\u0005!            | hello big world!
            Ctrl-U clears the line    | \\u0002\\u0002\\u0015bye    | bye
            Ctrl-K kills to the end   | \\u0001\\u0006\\u000Bey     | hey
            Ctrl-W kills a word       | \\u0017                   | hello big\\u0020
            Alt-B back a word         | \\u001Bbnew\\u0020          | hello big new world
            Ctrl-Left back a word     | \\u001B[1;5Dnew\\u0020      | hello big new world
            Alt-F forward a word      | \\u0001\\u001Bf,           | hello ,big world
            Backspace                 | \\u007F\\u007FLD           | hello big worLD
            Delete                    | \\u0001\\u001B[3~H         | Hello big world
            Ctrl-D deletes mid-line   | \\u0001\\u0004H            | Hello big world
            Left, application mode    | \\u001BODX               | hello big worlXd
            Ctrl-Y puts back a kill   | \\u0017\\u0001\\u0019         | worldhello big\\u0020
            Ctrl-B and Ctrl-F         | \\u0002\\u0002\\u0006X      | hello big worlXd
            """)
    void editingKeys(String name, String keys, String expected) throws Exception {
        assertThat(enter("hello big world" + unescape(keys))).as(name).isEqualTo(unescape(expected));
    }

    @Test
    void downComesBackFromTheHistoryToWhatWasBeingTyped() throws Exception {
        assertThat(enter("first")).isEqualTo("first");

        CompletableFuture<String> second = reading(Prompt.message("alice"));
        keyboard.type("draft" + UP);
        screen.awaitLastRow("alice> first");
        keyboard.type(DOWN);
        screen.awaitLastRow("alice> draft");
        keyboard.type("\r");
        assertThat(result(second)).isEqualTo("draft");
    }

    @Test
    void ctrlRSearchesWhatWasSent() throws Exception {
        for (String sent : new String[] { "first words", "second thoughts" }) {
            assertThat(enter(sent)).isEqualTo(sent);
        }

        assertThat(enter("\u0012wor")).isEqualTo("first words");
    }

    @Test
    void thePromptFollowsANewNameWhileTheUserTypes() throws Exception {
        CompletableFuture<String> line = reading(Prompt.message("alice"));
        keyboard.type("half");
        screen.awaitLastRow("alice> half");

        console.promptChanged(Prompt.message("carol"));

        screen.awaitLastRow("carol> half");
        keyboard.type("\r");
        assertThat(result(line)).isEqualTo("half");
    }

    @Test
    void aQuestionIsShownAsTheServerWroteItPercentSignsAndAll() throws Exception {
        CompletableFuture<String> line = reading(Prompt.question("Welcome to 100% Chat! Enter your username:"));
        screen.awaitLastRow("Welcome to 100% Chat! Enter your username:");
        keyboard.type("alice\r");
        assertThat(result(line)).isEqualTo("alice");
    }

    @Test
    void aSecretIsShownAsStarsAndNeverComesBack() throws Exception {
        CompletableFuture<String> password = reading(Prompt.question("Password:"));
        keyboard.type("s3cret");
        screen.awaitLastRow("Password: ******");
        keyboard.type("\r");
        assertThat(result(password)).isEqualTo("s3cret");

        assertThat(enter(UP)).isEmpty();
        assertThat(screen.raw()).doesNotContain("s3cret");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            }
            else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    @Test
    void ctrlCEndsTheInputAndTakesTheHalfTypedLineAway() throws Exception {
        console.show("bob: hi");
        CompletableFuture<String> line = reading(Prompt.message("alice"));
        keyboard.type("half a");
        screen.awaitLastRow("alice> half a");

        keyboard.type("\u0003");

        assertThat(result(line)).isNull();
        assertThat(screen.shownRows()).containsExactly("bob: hi");
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
