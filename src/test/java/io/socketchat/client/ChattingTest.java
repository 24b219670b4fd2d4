package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import org.junit.jupiter.api.Test;

/** Once joined, lines go both ways, and what arrives never spoils what is being typed. */
class ChattingTest {

    private final TerminalScreen screen = new TerminalScreen();

    @Test
    void whatTheUserTypesIsSentAndWhatOthersSayIsShown() {
        Screen out = new Screen();
        Screen err = new Screen();
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.inLineMode(server.port(), out, err)) {
            alice.keyboard.typeLine("alice");
            bob.expect("* alice joined the chat");

            alice.keyboard.typeLine("hello bob");
            bob.expect("alice: hello bob");
            bob.send("hi alice");
            out.awaitLine("bob: hi alice");

            assertThat(out.lines()).containsExactly("Welcome to Socket Chat! Enter your username:",
                    "Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.",
                    "bob: hi alice");
            assertThat(out.text()).doesNotContain("\u001B");
            assertThat(err.text()).isEmpty();
        }
    }

    @Test
    void aLineArrivingWhileTheUserTypesAppearsAboveAndTheTypedLineStaysWhole() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            alice.keyboard.type("hello, are y");
            screen.awaitLastRow("alice> hello, are y");

            bob.send("anyone here?");
            bob.send("hello?");
            screen.awaitRow("bob: hello?");
            assertThat(screen.shownRows()).endsWith("bob: anyone here?", "bob: hello?", "alice> hello, are y");

            alice.keyboard.type("ou there\r");
            bob.expect("alice: hello, are you there");
        }
    }

    @Test
    void commandsAndAwkwardTextPassThroughUnchanged() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            alice.keyboard.type("/who\r");
            screen.awaitRow("* 2 users online: alice, bob");

            alice.keyboard.type("/msg bob psst\r");
            bob.expect("[private] alice: psst");
            screen.awaitRow("[private to bob] psst");

            // A shell-like line editor would expand "!!", eat "\" or wait for the closing
            // quote.
            alice.keyboard.type("don't \\ do !! that 100% //\r");
            bob.expect("alice: don't \\ do !! that 100% //");

            alice.keyboard.type("//etc\r");
            bob.expect("alice: /etc");
        }
    }

    @Test
    void namesAreColouredInATerminalTheSameWayEveryTime() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            bob.send("one");
            bob.send("two");
            screen.awaitRow("bob: two");

            String bobInColour = new SpeakerColours().name("bob").toAnsi();
            assertThat(screen.raw()).contains(bobInColour + ": one", bobInColour + ": two");
        }
    }

    @Test
    void thePromptFollowsTheUsersNewName() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            alice.keyboard.type("/nick carol\r");

            bob.expect("* alice is now known as carol");
            screen.awaitLastRow("carol>");
        }
    }

}
