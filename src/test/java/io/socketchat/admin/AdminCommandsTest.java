package io.socketchat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.support.AliceAndBobTest;

import org.junit.jupiter.api.Test;

/**
 * The admin console's commands, parsed and run by Spring Shell as typed at the prompt.
 */
class AdminCommandsTest extends AliceAndBobTest {

    @Test
    void sayTakesFreeTextWithoutQuotes() {
        assertThat(type("say hello there, everyone")).contains("Sent to 2 users.");
        alice.expect("Server: hello there, everyone");
        bob.expect("Server: hello there, everyone");
    }

    @Test
    void sayWithoutTextShowsUsage() {
        assertThat(type("say")).contains("Usage: say <text>");
    }

    @Test
    void whoListsTheUsers() {
        assertThat(type("who")).contains("2 online: alice, bob");
    }

    @Test
    void kickDisconnectsWithTheReason() {
        assertThat(type("kick BOB spamming the chat")).contains("Kicked BOB.");
        bob.expect("! You were kicked: spamming the chat");
        bob.expectClosed();
        alice.expect("* bob was kicked (spamming the chat)");
        assertThat(type("who")).contains("1 online: alice");
    }

    @Test
    void kickWithoutReasonAndOfAnUnknownUser() {
        assertThat(type("kick nobody")).contains("No user named \"nobody\".");
        assertThat(type("kick bob")).contains("Kicked bob.");
        bob.expect("! You were kicked.");
        bob.expectClosed();
        alice.expect("* bob was kicked");
    }

    @Test
    void helpListsTheChatCommands() {
        assertThat(type("help")).contains("say", "who", "kick", "shutdown");
    }

    private String type(String input) {
        return ConsoleTyping.type(this.server, input);
    }

}
