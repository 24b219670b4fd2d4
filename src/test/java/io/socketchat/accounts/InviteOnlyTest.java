package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
    static Path dataDir;

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
        alice.expectStartingWith("Hello alice! ");
        alice.send("exit");
        alice.expectClosed();

        LineClient again = Admin.logIn(server.connect(), "alice", PASSWORD);
        again.send("/msg alice hi");
        again.expect("[private] alice: hi");
    }

    @Test
    void theCodeIsUsedOnce() {
        String code = Admin.invite(server, "carol");
        Admin.leave(Admin.firstJoin(server.connect(), "carol", code, PASSWORD));

        LineClient other = server.connect();
        other.expectStartingWith("Welcome to ");
        other.send("carol");
        other.expect("Password for carol:");
        other.send(code);
        other.expect("! Wrong password for carol.");
        other.expectClosed();
    }

    @Test
    void aWrongCodeClosesAndTheInviteStaysValid() {
        String code = Admin.invite(server, "dave");
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("dave");
        guess.expect("Invite code for dave:");
        guess.send("aaaa-bbbb-cccc");
        guess.expect("! Wrong invite code for dave.");
        guess.expectClosed();

        Admin.firstJoin(server.connect(), "dave", code, PASSWORD);
    }

    @Test
    void anExpiredInviteIsRefusedWithoutAskingForTheCode() {
        AccountBook.Invite invite = server.bean(AccountBook.class)
            .invite(new io.socketchat.protocol.Username("erin"), Duration.ofSeconds(1));
        Instant expiry = Instant.ofEpochMilli(invite.account().inviteExpires());
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiry));
        double expiredBefore = count("expired");

        LineClient erin = server.connect();
        erin.expectStartingWith("Welcome to ");
        erin.send("erin");
        erin.expect("! The invite for erin has expired. Ask the admin for a new one.");
        erin.expectClosed();
        assertThat(count("expired")).isEqualTo(expiredBefore + 1);
        assertThat(Admin.type(server, "accounts").lines())
            .anyMatch(line -> line.matches("  erin +invited \\(expired\\) .*"));
    }

    @Test
    void aWrongPasswordClosesTheConnection() {
        Admin.leave(Admin.firstJoin(server.connect(), "frank", Admin.invite(server, "frank"), PASSWORD));
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("Frank");
        guess.expect("Password for frank:");
        guess.send("correct horse battery");
        guess.expect("! Wrong password for frank.");
        guess.expectClosed();
    }

    @Test
    void fiveWrongAnswersLockOneAddressOutOfOneAccountOnly() {
        Admin.leave(Admin.firstJoin(server.connect(), "grace", Admin.invite(server, "grace"), PASSWORD));
        Admin.leave(Admin.firstJoin(server.connect(), "heidi", Admin.invite(server, "heidi"), PASSWORD));
        double lockedBefore = count("locked");
        for (int i = 0; i < 5; i++) {
            LineClient guess = server.connectFrom("127.0.0.2");
            guess.expectStartingWith("Welcome to ");
            guess.send("grace");
            guess.expect("Password for grace:");
            guess.send("guess number " + i);
            guess.expect("! Wrong password for grace.");
            guess.expectClosed();
        }
        LineClient locked = server.connectFrom("127.0.0.2");
        locked.expectStartingWith("Welcome to ");
        locked.send("grace");
        locked.expect("! Too many wrong passwords for grace. Try again later.");
        locked.expectClosed();
        assertThat(count("locked")).isEqualTo(lockedBefore + 1);

        // the owner, from elsewhere, still gets in; the same address may still try heidi
        Admin.leave(Admin.logIn(server.connectFrom("127.0.0.3"), "grace", PASSWORD));
        Admin.leave(Admin.logIn(server.connectFrom("127.0.0.2"), "heidi", PASSWORD));
    }

    @Test
    void aNameWithoutAnAccountIsAskedAgainAndCountsAsATry() {
        LineClient ivan = server.connect();
        ivan.expectStartingWith("Welcome to ");
        for (int i = 0; i < 4; i++) {
            ivan.send("ivan");
            ivan.expect("! \"ivan\" has no account here. Ask the admin for an invite. Enter your username:");
        }
        ivan.send("ivan");
        ivan.expect("! \"ivan\" has no account here. Ask the admin for an invite.");
        ivan.expect("! Too many tries; closing the connection.");
        ivan.expectClosed();
    }

    @Test
    void aLookAlikeOfARegisteredNameIsRefusedOnlineOrNot() {
        Admin.invite(server, "judy");
        LineClient spoof = server.connect();
        spoof.expectStartingWith("Welcome to ");
        spoof.send("jud\u0443");
        spoof.expect("! Username \"jud\u0443\" is registered. Enter another username:");
        // fullwidth: valid on its own, one key with judy
        spoof.send("\uFF4A\uFF55\uFF44\uFF59");
        spoof.expect("! Username \"\uFF4A\uFF55\uFF44\uFF59\" is registered. Enter another username:");
    }

    @Test
    void aLookAlikeWhileTheOwnerIsOnlineIsStillRegisteredNotTaken() {
        Admin.firstJoin(server.connect(), "kate", Admin.invite(server, "kate"), PASSWORD);
        LineClient spoof = server.connect();
        spoof.expectStartingWith("Welcome to ");
        spoof.send("k\u0430te");
        spoof.expect("! Username \"k\u0430te\" is registered. Enter another username:");
        spoof.send("kate");
        spoof.expect("! Username \"kate\" is taken. Enter another username:");
    }

    @Test
    void linesSentWhileThePasswordIsCheckedWaitAndArriveInOrder() {
        Admin.leave(Admin.firstJoin(server.connect(), "leo", Admin.invite(server, "leo"), PASSWORD));
        LineClient mia = Admin.firstJoin(server.connect(), "mia", Admin.invite(server, "mia"), PASSWORD);
        LineClient leo = server.connect();
        leo.expectStartingWith("Welcome to ");
        leo.send("leo\n" + PASSWORD + "\nfirst\nsecond\n/msg mia psst\nthird");
        leo.expect("Password for leo:");
        leo.expectStartingWith("Hello leo! ");
        leo.expect("[private to mia] psst");
        mia.expect("* leo joined the chat");
        mia.expect("leo: first");
        mia.expect("leo: second");
        mia.expect("[private] leo: psst");
        mia.expect("leo: third");
    }

    @Test
    void aClientThatLeavesRightAfterItsPasswordStillSaysItsLines() {
        Admin.leave(Admin.firstJoin(server.connect(), "nina", Admin.invite(server, "nina"), PASSWORD));
        LineClient oscar = Admin.firstJoin(server.connect(), "oscar", Admin.invite(server, "oscar"), PASSWORD);
        LineClient nina = server.connect();
        nina.expectStartingWith("Welcome to ");
        nina.send("nina\n" + PASSWORD + "\nhello from nc");
        nina.shutdownOutput();
        oscar.expect("* nina joined the chat");
        oscar.expect("nina: hello from nc");
        oscar.expect("* nina left the chat");
    }

    @Test
    void forgetRemovesTheAccountAndTheNameHasNoneAgain() {
        Admin.invite(server, "peggy");
        assertThat(Admin.type(server, "forget PEGGY")).isEqualTo("Account peggy removed.");
        assertThat(Admin.type(server, "forget peggy")).isEqualTo("No account named \"peggy\".");
        LineClient peggy = server.connect();
        peggy.expectStartingWith("Welcome to ");
        peggy.send("peggy");
        peggy.expect("! \"peggy\" has no account here. Ask the admin for an invite. Enter your username:");
    }

    @Test
    void aKickLeavesTheAccountInPlace() {
        Admin.firstJoin(server.connect(), "quinn", Admin.invite(server, "quinn"), PASSWORD);
        assertThat(Admin.type(server, "kick quinn")).isEqualTo("Kicked quinn.");
        Admin.leave(Admin.logIn(server.connect(), "quinn", PASSWORD));
    }

    @Test
    void accountsListsEachWithItsState() {
        Admin.leave(Admin.firstJoin(server.connect(), "rita", Admin.invite(server, "rita"), PASSWORD));
        Admin.invite(server, "rob");
        String when = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
        assertThat(Admin.type(server, "accounts").lines()).first().asString().matches("\\d+ accounts:");
        assertThat(Admin.type(server, "accounts").lines())
            .anyMatch(line -> line.matches("  rita +registered +created " + when + "  last seen " + when))
            .anyMatch(line -> line.matches("  rob +invited +created " + when + "  never seen"));
    }

    @Test
    void inviteSaysHowLongTheCodeIsValidAndResetsAnAccount() {
        assertThat(Admin.type(server, "invite sam 2")).matches(
                "Invite code for sam: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4} \\(valid 2 h\\)\\. They join as sam and enter it once\\.");
        assertThat(Admin.type(server, "invite sam 0")).isEqualTo("Hours must be from 1 to 8760.");
        assertThat(Admin.type(server, "invite")).isEqualTo("Usage: invite <name> [hours]");
        assertThat(Admin.type(server, "invite server")).isEqualTo("Username \"server\" is reserved.");

        Admin.leave(Admin.firstJoin(server.connect(), "sam", Admin.invite(server, "sam"), PASSWORD));
        String reset = Admin.invite(server, "sam");
        LineClient old = server.connect();
        old.expectStartingWith("Welcome to ");
        old.send("sam");
        old.expect("Invite code for sam:");
        old.send(reset);
        old.expect("Choose a password (at least 8 characters):");
    }

    @Test
    void loginsAreCountedByResult() {
        Admin.leave(Admin.firstJoin(server.connect(), "tina", Admin.invite(server, "tina"), PASSWORD));
        double ok = count("ok");
        double wrongPassword = count("wrong-password");
        double wrongCode = count("wrong-code");
        Admin.leave(Admin.logIn(server.connect(), "tina", PASSWORD));
        LineClient guess = server.connect();
        guess.expectStartingWith("Welcome to ");
        guess.send("tina");
        guess.expect("Password for tina:");
        guess.send("not the password");
        guess.expect("! Wrong password for tina.");
        Admin.invite(server, "ursula");
        LineClient code = server.connect();
        code.expectStartingWith("Welcome to ");
        code.send("ursula");
        code.expect("Invite code for ursula:");
        code.send("not-the-code");
        code.expect("! Wrong invite code for ursula.");

        assertThat(count("ok")).isEqualTo(ok + 1);
        assertThat(count("wrong-password")).isEqualTo(wrongPassword + 1);
        assertThat(count("wrong-code")).isEqualTo(wrongCode + 1);
    }

    private double count(String result) {
        return server.bean(MeterRegistry.class).get("chat.logins").tag("result", result).functionCounter().count();
    }

}
