package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.socketchat.support.AliceAndBobTest;

import org.junit.jupiter.api.Test;

/**
 * {@code chat.accounts.mode=off}, the default: no account questions, no data directory;
 * {@code /register} and {@code /password} say so; messages keep what was written.
 */
class AccountsOffTest extends AliceAndBobTest {

    @Test
    void registerAndPasswordSayThereAreNoAccounts() {
        alice.send("/register");
        alice.expect("! Registration is closed.");
        alice.send("/password");
        alice.expect("! You have no account; nothing to change.");
        alice.send("still here");
        bob.expect("alice: still here");
    }

    @Test
    void theConsoleSaysAccountsAreOff() {
        assertThat(Admin.type(server, "invite carol"))
            .isEqualTo("Accounts are off: start the server with --chat.accounts.mode=invite (or open).");
        assertThat(Admin.type(server, "accounts")).startsWith("Accounts are off");
        assertThat(Files.exists(Path.of("data", "accounts.json"))).isFalse();
    }

    @Test
    void joinersAndVariationSelectorsArriveWhileABidiOverrideIsRemoved() {
        alice
            .send("\uD83D\uDC69\u200D\uD83D\uDCBB \u202E\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u2764\uFE0F");
        bob.expect(
                "alice: \uD83D\uDC69\u200D\uD83D\uDCBB \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u2764\uFE0F");
    }

    @Test
    void aNameLosesItsJoiners() {
        alice.send("/nick ca\u200Drol");
        alice.expect("* alice is now known as carol");
        bob.expect("* alice is now known as carol");
        var dave = server.connect();
        dave.expectStartingWith("Welcome to ");
        dave.send("da\u200Cve");
        dave.expectStartingWith("Hello dave! ");
    }

}
