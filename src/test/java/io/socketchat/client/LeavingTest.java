package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.socketchat.admin.AdminCommands;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How a session ends: the user leaves (status 0) or the server goes away (status 1). */
class LeavingTest {

    private final TerminalScreen screen = new TerminalScreen();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "exit\r", "/quit\r", "\u0004", "\u0003" })
    void theUserLeavesWithExitQuitCtrlDOrCtrlC(String keys) {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            alice.keyboard.type(keys);

            assertThat(alice.awaitEnd()).isEqualTo(SessionEnd.LEFT);
            assertThat(SessionEnd.LEFT.exitCode()).isZero();
            bob.expect("* alice left the chat");
        }
    }

    @Test
    void pipedInputIsSentLineByLineAndItsEndLeaves() {
        Screen out = new Screen();
        Screen err = new Screen();
        try (RunningServer server = RunningServer.start(); LineClient bob = server.join("bob")) {
            // Everything typed ahead and closed, as "printf 'alice\nhi\n' | client" does.
            try (RunningClient alice = RunningClient.inLineMode(server.port(), out, err)) {
                alice.keyboard.typeLine("alice");
                alice.keyboard.typeLine("hi from a script");
                alice.keyboard.end();

                assertThat(alice.awaitEnd()).isEqualTo(SessionEnd.LEFT);
            }
            bob.expect("* alice joined the chat");
            bob.expect("alice: hi from a script");
            bob.expect("* alice left the chat");
            assertThat(err.text()).isEmpty();
        }
    }

    @Test
    void aServerShutdownIsSeenAndEndsTheSessionWithStatusOne() {
        RunningServer server = RunningServer.start();
        try (LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            alice.keyboard.type("half a thou");
            screen.awaitLastRow("alice> half a thou");

            server.close();

            assertThat(alice.awaitEnd()).isEqualTo(SessionEnd.SERVER_GONE);
            assertThat(SessionEnd.SERVER_GONE.exitCode()).isEqualTo(1);
            alice.close();
            assertThat(screen.shownRows()).endsWith("* Server is shutting down.", ChatSession.SERVER_GONE_MESSAGE);
        }
        finally {
            server.close();
        }
    }

    @Test
    void beingKickedIsExplainedAndEndsTheSession() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.aliceInTerminal(server.port(), screen, bob)) {
            server.bean(AdminCommands.class).kick(List.of("alice", "too", "loud"));

            assertThat(alice.awaitEnd()).isEqualTo(SessionEnd.SERVER_GONE);
            screen.awaitRow("! You were kicked: too loud");
            screen.awaitRow(ChatSession.SERVER_GONE_MESSAGE);
        }
    }

}
