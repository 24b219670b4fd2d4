package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.socketchat.accounts.AccountBook;
import io.socketchat.protocol.Username;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled client on a terminal, with accounts: the invite code and every password are
 * typed hidden, at the door and in a joined user's {@code /password}.
 */
class AccountQuestionsTest {

    private final TerminalScreen screen = new TerminalScreen();

    @TempDir
    Path dataDir;

    @Test
    void theInviteCodeAndThePasswordsAreTypedHidden() {
        try (RunningServer server = RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir);
                RunningClient client = RunningClient.inTerminal(server.port(), screen)) {
            String code = server.bean(AccountBook.class).invite(new Username("alice"), Duration.ofHours(1)).code();
            screen.awaitLastRow("Welcome to Socket Chat! Enter your username:");
            client.keyboard.type("alice\r");
            screen.awaitLastRow("Invite code for alice:");
            client.keyboard.type(code + "\r");
            screen.awaitLastRow("Choose a password (at least 8 characters):");
            client.keyboard.type("first secret\r");
            screen.awaitLastRow("Repeat the password:");
            client.keyboard.type("first secret\r");
            screen.awaitRow("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
            screen.awaitLastRow("alice>");
            assertThat(screen.rows()).contains("Invite code for alice: " + "*".repeat(code.length()),
                    "Choose a password (at least 8 characters): ************", "Repeat the password: ************");

            client.keyboard.type("/password\r");
            screen.awaitLastRow("Current password:");
            client.keyboard.type("first secret\r");
            screen.awaitLastRow("Choose a password (at least 8 characters):");
            client.keyboard.type("second secret\r");
            screen.awaitLastRow("Repeat the password:");
            client.keyboard.type("second secret\r");
            screen.awaitRow("* Password changed.");
            screen.awaitLastRow("alice>");

            assertThat(screen.raw()).doesNotContain(code, "first secret", "second secret");
            LineClient check = server.connect();
            check.expectStartingWith("Welcome to ");
            check.send("alice");
            check.expect("! Username \"alice\" is taken. Enter another username:");
        }
    }

}
