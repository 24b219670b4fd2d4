package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md "Accounts (v3)" with {@code chat.accounts.mode=invite}, over real sockets.
 */
class InviteOnlyTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dataDir;

    private RunningServer server;

    @BeforeEach
    void start() {
        server = RunningServer.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir,
                "--chat.history-size=0");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInvitedFriendEntersTheCodeChoosesAPasswordAndIsInThenLogsInWithIt() {
        String code = Admin.invite(server, "alice");
        LineClient alice = server.connect();
        alice.expectStartingWith("Welcome to ");
        alice.send("alice");
        alice.expect("Invite code for alice:");
        alice.send(code);
        alice.expect("Choose a password (at least 8 characters):");
        alice.send("short");
        alice.expect("! At least 8 characters. Choose a password (at least 8 characters):");
        alice.send(PASSWORD);
        alice.expect("Repeat the password:");
        alice.send("correct horse!");
        alice.expect("! The passwords differ. Choose a password (at least 8 characters):");
        alice.send(PASSWORD);
        alice.expect("Repeat the password:");
        alice.send(PASSWORD);
        alice.expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        alice.send("exit");
        alice.expectClosed();

        LineClient again = Admin.logIn(server.connect(), "alice", PASSWORD);
        again.send("/who");
        again.expect("* 1 user online: alice");
    }

    @Test
    void theCodeIsUsedOnce() {
        String code = Admin.invite(server, "alice");
        Admin.firstJoin(server.connect(), "alice", code, PASSWORD).send("exit");

        LineClient other = server.connect();
        other.expectStartingWith("Welcome to ");
        other.send("alice");
        other.expect("Password for alice:");
        other.send(code);
        other.expect("! Wrong password for alice.");
        other.expectClosed();
    }

    @Test
    void aWrongCodeClosesAndTheInviteStaysValid() {
        String code = Admin.invite(server, "alice");
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("alice");
        guess.expect("Invite code for alice:");
        guess.send("aaaa-bbbb-cccc");
        guess.expect("! Wrong invite code for alice.");
        guess.expectClosed();

        Admin.firstJoin(server.connect(), "alice", code, PASSWORD);
    }

    @Test
    void aWrongPasswordClosesTheConnection() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD).send("exit");
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("Alice");
        guess.expect("Password for alice:");
        guess.send("correct horse battery");
        guess.expect("! Wrong password for alice.");
        guess.expectClosed();
    }

    @Test
    void aNameWithoutAnAccountIsAskedAgainAndCountsAsATry() {
        LineClient bob = server.connect();
        bob.expectStartingWith("Welcome to ");
        for (int i = 0; i < 4; i++) {
            bob.send("bob");
            bob.expect("! \"bob\" has no account here. Ask the admin for an invite. Enter your username:");
        }
        bob.send("bob");
        bob.expect("! \"bob\" has no account here. Ask the admin for an invite.");
        bob.expect("! Too many tries; closing the connection.");
        bob.expectClosed();
    }

    @Test
    void aLookAlikeOfARegisteredNameIsRefusedOnlineOrNot() {
        Admin.invite(server, "alice");
        LineClient spoof = server.connect();
        spoof.expectStartingWith("Welcome to ");
        spoof.send("\u0430lice");
        spoof.expect("! Username \"\u0430lice\" is registered. Enter another username:");
        // fullwidth: valid on its own, one key with alice
        spoof.send("\uFF41\uFF4C\uFF49\uFF43\uFF45");
        spoof.expect("! Username \"\uFF41\uFF4C\uFF49\uFF43\uFF45\" is registered. Enter another username:");
    }

    @Test
    void aLookAlikeWhileTheOwnerIsOnlineIsStillRegisteredNotTaken() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD);
        LineClient spoof = server.connect();
        spoof.expectStartingWith("Welcome to ");
        spoof.send("\u0430lice");
        spoof.expect("! Username \"\u0430lice\" is registered. Enter another username:");
        spoof.send("alice");
        spoof.expect("! Username \"alice\" is taken. Enter another username:");
    }

    @Test
    void linesSentWhileThePasswordIsCheckedWaitAndArriveInOrder() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD).send("exit");
        LineClient bob = Admin.firstJoin(server.connect(), "bob", Admin.invite(server, "bob"), PASSWORD);
        LineClient alice = server.connect();
        alice.expectStartingWith("Welcome to ");
        alice.send("alice\n" + PASSWORD + "\nfirst\nsecond\n/who\nthird");
        alice.expect("Password for alice:");
        alice.expect("Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* 2 users online: alice, bob");
        bob.expect("* alice joined the chat");
        bob.expect("alice: first");
        bob.expect("alice: second");
        bob.expect("alice: third");
    }

    @Test
    void aClientThatLeavesRightAfterItsPasswordStillSaysItsLines() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD).send("exit");
        LineClient bob = Admin.firstJoin(server.connect(), "bob", Admin.invite(server, "bob"), PASSWORD);
        LineClient alice = server.connect();
        alice.expectStartingWith("Welcome to ");
        alice.send("alice\n" + PASSWORD + "\nhello from nc");
        alice.shutdownOutput();
        bob.expect("* alice joined the chat");
        bob.expect("alice: hello from nc");
        bob.expect("* alice left the chat");
    }

    @Test
    void forgetRemovesTheAccountAndTheNameHasNoneAgain() {
        Admin.invite(server, "alice");
        assertThat(Admin.type(server, "forget ALICE")).isEqualTo("Account alice removed.");
        assertThat(Admin.type(server, "forget alice")).isEqualTo("No account named \"alice\".");
        LineClient alice = server.connect();
        alice.expectStartingWith("Welcome to ");
        alice.send("alice");
        alice.expect("! \"alice\" has no account here. Ask the admin for an invite. Enter your username:");
    }

    @Test
    void aKickLeavesTheAccountInPlace() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD);
        assertThat(Admin.type(server, "kick alice")).isEqualTo("Kicked alice.");
        Admin.logIn(server.connect(), "alice", PASSWORD);
    }

    @Test
    void accountsListsEachWithItsState() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD);
        Admin.invite(server, "bob");
        String listed = Admin.type(server, "accounts");
        assertThat(listed.lines().toList()).hasSize(3);
        assertThat(listed.lines().toList().get(0)).isEqualTo("2 accounts:");
        assertThat(listed.lines().toList().get(1)).matches(
                "  alice  registered         created \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  last seen \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(listed.lines().toList().get(2))
            .matches("  bob    invited            created \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  never seen");
    }

    @Test
    void inviteSaysHowLongTheCodeIsValidAndResetsAnAccount() {
        assertThat(Admin.type(server, "invite alice 2")).matches(
                "Invite code for alice: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4} \\(valid 2 h\\)\\. They join as alice and enter it once\\.");
        assertThat(Admin.type(server, "invite alice 0")).isEqualTo("Hours must be from 1 to 8760.");
        assertThat(Admin.type(server, "invite")).isEqualTo("Usage: invite <name> [hours]");
        assertThat(Admin.type(server, "invite server")).isEqualTo("Username \"server\" is reserved.");

        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD).send("exit");
        String reset = Admin.invite(server, "alice");
        LineClient alice = server.connect();
        alice.expectStartingWith("Welcome to ");
        alice.send("alice");
        alice.expect("Invite code for alice:");
        alice.send(reset);
        alice.expect("Choose a password (at least 8 characters):");
    }

    @Test
    void loginsAreCountedByResult() {
        Admin.firstJoin(server.connect(), "alice", Admin.invite(server, "alice"), PASSWORD).send("exit");
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("alice");
        guess.expect("Password for alice:");
        guess.send("not the password");
        guess.expect("! Wrong password for alice.");

        MeterRegistry meters = server.bean(MeterRegistry.class);
        assertThat(meters.get("chat.logins").tag("result", "ok").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("chat.logins").tag("result", "wrong-password").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("chat.logins").tag("result", "wrong-code").functionCounter().count()).isZero();
        assertThat(meters.get("chat.logins").tag("result", "expired").functionCounter().count()).isZero();
        assertThat(meters.get("chat.logins").tag("result", "locked").functionCounter().count()).isZero();
    }

}
