package io.socketchat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ban, unban and bans as typed at the console, with alice at 127.0.0.1 and bob at
 * 127.0.0.2.
 */
class BanCommandsTest {

    private static final String BANNED = "! You are banned from this chat.";

    @AutoClose
    private RunningServer server;

    private LineClient alice;

    private LineClient bob;

    @BeforeEach
    void aliceAndBobJoinFromTwoAddresses() {
        server = RunningServer.start("--chat.history-size=0", "--chat.max-connections-per-address=10");
        alice = server.join("alice");
        bob = server.joinFrom("127.0.0.2", "bob");
        alice.expect("* bob joined the chat");
    }

    @Test
    void banningAUserKicksItAndKeepsItsAddressOutUntilUnbanned() {
        assertThat(type("ban bob 10 flooding the chat")).contains("Kicked bob and banned 127.0.0.2 for 10 minutes.");
        bob.expect("! You were kicked: flooding the chat");
        bob.expectClosed();
        alice.expect("* bob was kicked (flooding the chat)");

        LineClient back = server.connectFrom("127.0.0.2");
        back.expect(BANNED);
        back.expectClosed();
        assertThat(type("bans")).contains("1 ban:", "  127.0.0.2  10 minutes left  (flooding the chat)");
        assertThat(type("who")).contains("1 online: alice");

        assertThat(type("unban 127.0.0.2")).contains("Unbanned 127.0.0.2.");
        assertThat(type("bans")).contains("No bans.");
        server.joinFrom("127.0.0.2", "bob");
        alice.expect("* bob joined the chat");

        MeterRegistry meters = server.bean(MeterRegistry.class);
        assertThat(meters.get("chat.clients.dropped").tag("reason", "banned").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("chat.connections.rejected").tag("reason", "banned").functionCounter().count())
            .isEqualTo(1);
    }

    @Test
    void banningAnAddressClosesWhatIsOpenFromItAndLastsUntilUnbanned() {
        LineClient waiting = server.connectFrom("127.0.0.2").expectStartingWith("Welcome");
        assertThat(type("ban 127.0.0.2")).contains("Banned 127.0.0.2 until unbanned. Closed 2 connections from it.");
        bob.expect("! You were kicked.");
        bob.expectClosed();
        alice.expect("* bob was kicked");
        waiting.expect(BANNED);
        waiting.expectClosed();
        assertThat(type("bans")).contains("1 ban:", "  127.0.0.2  until unbanned");
        assertThat(type("ban 127.0.0.3 5")).contains("Banned 127.0.0.3 for 5 minutes.");
        LineClient third = server.connectFrom("127.0.0.3");
        third.expect(BANNED);
        third.expectClosed();
        assertThat(type("bans")).contains("2 bans:", "  127.0.0.2  until unbanned", "  127.0.0.3  5 minutes left");
        server.connect().expectStartingWith("Welcome");
    }

    @Test
    void badBanCommandsAreExplained() {
        assertThat(type("ban")).contains("Usage: ban <user or address> [minutes] [reason]");
        assertThat(type("ban nobody")).contains("No user named \"nobody\", and \"nobody\" is not an IP address.");
        assertThat(type("ban bob 0"))
            .contains("Minutes must be from 1 to 525600; leave them out for a ban until unbanned.");
        assertThat(type("unban")).contains("Usage: unban <address>");
        assertThat(type("unban 127.0.0.9")).contains("127.0.0.9 is not banned.");
        assertThat(type("help")).contains("ban", "unban", "bans");
        assertThat(type("who")).contains("2 online: alice, bob");
    }

    private String type(String input) {
        return ConsoleTyping.type(this.server, input);
    }

}
