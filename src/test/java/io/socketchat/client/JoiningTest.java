package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import org.junit.jupiter.api.Test;

/** The client walks the user through the real server's questions. */
class JoiningTest {

    private final TerminalScreen screen = new TerminalScreen();

    @Test
    void theServersQuestionIsThePromptAndHelloStartsTheChat() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient alice = RunningClient.inTerminal(server.port(), screen)) {
            screen.awaitLastRow("Welcome to Socket Chat! Enter your username:");
            alice.keyboard.type("alice\r");

            screen.awaitRow("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
            screen.awaitLastRow("alice>");
            bob.expect("* alice joined the chat");
        }
    }

    @Test
    void aTakenNameIsAskedAgainAndTheNextOneJoins() {
        try (RunningServer server = RunningServer.start();
                LineClient bob = server.join("bob");
                RunningClient client = RunningClient.inTerminal(server.port(), screen)) {
            screen.awaitLastRow("Welcome to Socket Chat! Enter your username:");
            client.keyboard.type("Bob\r");

            screen.awaitLastRow("! Username \"Bob\" is taken. Enter another username:");
            client.keyboard.type("alice\r");

            screen.awaitRow("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
            bob.expect("* alice joined the chat");
        }
    }

    @Test
    void thePasswordIsAskedForAndNeverShown() {
        try (RunningServer server = RunningServer.start("--chat.password=s3cret");
                RunningClient client = RunningClient.inTerminal(server.port(), screen)) {
            screen.awaitLastRow("Password:");
            client.keyboard.type("s3cret\r");

            screen.awaitLastRow("Welcome to Socket Chat! Enter your username:");
            assertThat(screen.rows()).contains("Password: ******");
            assertThat(screen.raw()).doesNotContain("s3cret");
            client.keyboard.type("alice\r");
            screen.awaitRow("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        }
    }

    @Test
    void aWrongPasswordEndsTheSessionAsTheServerLeaves() {
        Screen out = new Screen();
        Screen err = new Screen();
        try (RunningServer server = RunningServer.start("--chat.password=s3cret");
                RunningClient client = RunningClient.inLineMode(server.port(), out, err)) {
            client.keyboard.typeLine("guess");

            assertThat(client.awaitEnd()).as(err.text()).isEqualTo(SessionEnd.SERVER_GONE);
            assertThat(out.lines()).containsExactly("Password:", "! Wrong password.");
            assertThat(err.lines()).containsExactly(ChatSession.SERVER_GONE_MESSAGE);
        }
    }

    @Test
    void aRefusedConnectionIsOneLineAndNoSession() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Screen out = new Screen();
        Screen err = new Screen();
        try (RunningClient client = RunningClient.inLineMode(closedPort, out, err)) {
            assertThat(client.awaitEnd()).isEqualTo(SessionEnd.NOT_CONNECTED);
            assertThat(err.lines())
                .containsExactly("Cannot connect to 127.0.0.1:" + closedPort + ": Connection refused");
            assertThat(out.text()).isEmpty();
        }
    }

}
