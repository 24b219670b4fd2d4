package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.accounts.AccountBook;
import io.socketchat.protocol.Username;
import io.socketchat.support.IrcUser;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts over IRC: a registered nick needs its account's password as {@code PASS}
 * (checked like the line side's answer, with the same brute-force rule and meters),
 * accounts reserve their names and look-alikes, and invitation only keeps out nicks
 * without an account.
 */
class IrcAccountsTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dataDir;

    @AutoClose
    private RunningServer server;

    private RunningServer start(String mode, String... more) {
        String[] args = { "--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0",
                "--chat.rate-limit=0", "--chat.accounts.mode=" + mode, "--chat.data-dir=" + dataDir };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        server = RunningServer.start(all);
        server.bean(AccountBook.class).register(new Username("alice"), PASSWORD).join();
        return server;
    }

    @Test
    void aRegisteredNickNeedsItsPasswordAsPass() {
        start("open");
        LineClient watcher = server.join("watcher");
        double ok = logins("ok");
        double wrong = logins("wrong-password");

        // the JOIN sent at once waits for the check and is handled after it, in order
        IrcUser alice = server.connectIrc();
        alice.send("PASS :" + PASSWORD).send("NICK alice").send("USER alice 0 * :Alice").send("JOIN #chat");
        alice.expectStartingWith(":irc.test 001 alice ");
        alice.skipUntil(":alice!alice@chat/user JOIN #chat");
        alice.linesUntilCommand("366");
        watcher.expect("* alice joined the chat");
        assertThat(logins("ok")).isEqualTo(ok + 1);
        // the account is hers: changing back and forth keeps it
        alice.send("NICK alicia").expect(":alice!alice@chat/user NICK alicia");
        alice.send("NICK alice").expect(":alicia!alicia@chat/user NICK alice");
        alice.close();
        // the server has let her go: the nick is free, only the account holds it now
        watcher.skipUntil("* alice left the chat");

        IrcUser none = server.connectIrc();
        none.send("NICK alice").send("USER alice 0 * :Alice");
        none.expect(
                ":irc.test 464 alice :alice is registered: connect with its password as the server password (PASS).");
        none.expect("ERROR :alice is registered: connect with its password as the server password (PASS).");
        none.expectClosed();

        IrcUser guess = server.connectIrc();
        guess.send("PASS guessing").send("NICK alice").send("USER alice 0 * :Alice");
        guess.expect(":irc.test 464 alice :Wrong password for alice.");
        guess.expect("ERROR :Wrong password for alice.");
        guess.expectClosed();
        assertThat(logins("wrong-password")).isEqualTo(wrong + 1);

        // a nick without an account may come in: its PASS is not asked for
        IrcUser bob = server.connectIrc();
        bob.send("PASS anything").send("NICK bob").send("USER bob 0 * :Bob");
        bob.expectStartingWith(":irc.test 001 bob ");
    }

    @Test
    void fiveWrongPasswordsLockThatAddressOutOfThatAccount() {
        start("open");
        for (int i = 0; i < 5; i++) {
            IrcUser guess = server.connectIrcFrom("127.0.0.7");
            guess.send("PASS wrong-" + i).send("NICK alice").send("USER alice 0 * :Alice");
            guess.expect(":irc.test 464 alice :Wrong password for alice.");
            guess.expectClosed();
        }
        double locked = logins("locked");
        IrcUser right = server.connectIrcFrom("127.0.0.7");
        right.send("PASS :" + PASSWORD).send("NICK alice").send("USER alice 0 * :Alice");
        right.expect(":irc.test 464 alice :Too many wrong passwords for alice. Try again later.");
        right.expect("ERROR :Too many wrong passwords for alice. Try again later.");
        right.expectClosed();
        assertThat(logins("locked")).isEqualTo(locked + 1);
        // another address is not locked out, on IRC or on the line side
        IrcUser elsewhere = server.connectIrcFrom("127.0.0.8");
        elsewhere.send("PASS :" + PASSWORD).send("NICK alice").send("USER alice 0 * :Alice");
        elsewhere.expectStartingWith(":irc.test 001 alice ");
    }

    @Test
    void aRegisteredNameAndItsLookAlikesAreNotAnyoneElsesNick() {
        start("open");
        IrcUser mallory = server.connectIrc();
        mallory.send("NICK \u0430lice").expect(":irc.test 433 * \u0430lice :Nickname is registered to an account");
        mallory.register("mallory");
        mallory.send("NICK alice").expect(":irc.test 433 mallory alice :Nickname is registered to an account");
        mallory.send("NICK \u0430lice")
            .expect(":irc.test 433 mallory \u0430lice :Nickname is registered to an account");
        mallory.joinChannel();
        mallory.send("NICK alice").expect(":irc.test 433 mallory alice :Nickname is registered to an account");
        mallory.send("PING :still").expect(":irc.test PONG irc.test :still");
    }

    @Test
    void theRoomPasswordAndTheAccountsPasswordShareOnePass() {
        start("open", "--chat.password=sesame");
        IrcUser alice = server.connectIrc();
        alice.send("PASS :sesame:" + PASSWORD).send("NICK alice").send("USER alice 0 * :Alice");
        alice.expectStartingWith(":irc.test 001 alice ");

        IrcUser roomOnly = server.connectIrc();
        roomOnly.send("PASS sesame").send("NICK alice").send("USER alice 0 * :Alice");
        roomOnly.expect(":irc.test 433 * alice :Nickname is already in use");
        roomOnly.send("NICK bob");
        roomOnly.expectStartingWith(":irc.test 001 bob ");

        IrcUser wrongRoom = server.connectIrc();
        wrongRoom.send("PASS :sesam:" + PASSWORD).send("NICK carl").send("USER carl 0 * :Carl");
        wrongRoom.expect(":irc.test 464 carl :Password incorrect");
        wrongRoom.expectClosed();
    }

    @Test
    void invitationOnlyKeepsOutNicksWithoutAnAccountAndSendsInviteesToTheOtherFaces() {
        start("invite");
        server.bean(AccountBook.class).invite(new Username("carol"), Duration.ofHours(1));

        IrcUser bob = server.connectIrc();
        bob.send("NICK bob").send("USER bob 0 * :Bob");
        bob.expect(":irc.test NOTICE bob :\"bob\" has no account here. Ask the admin for an invite.");
        bob.expect("ERROR :\"bob\" has no account here. Ask the admin for an invite.");
        bob.expectClosed();

        IrcUser carol = server.connectIrc();
        carol.send("NICK carol").send("USER carol 0 * :Carol");
        String words = "carol has an invite: enter its code once with nc, the chat's own client or the web page,"
                + " choosing a password there; then connect here with that password as the server password (PASS).";
        carol.expect(":irc.test NOTICE carol :" + words);
        carol.expect("ERROR :" + words);
        carol.expectClosed();

        IrcUser alice = server.connectIrc();
        alice.send("PASS :" + PASSWORD).send("NICK alice").send("USER alice 0 * :Alice");
        alice.expectStartingWith(":irc.test 001 alice ");
        alice.skipUntil(":irc.test 376 alice :End of /MOTD command.");
        alice.send("NICK dave")
            .expect(":irc.test 433 alice dave :\"dave\" has no account here. Ask the admin for an invite.");
    }

    private double logins(String result) {
        return server.bean(MeterRegistry.class).get("chat.logins").tag("result", result).functionCounter().count();
    }

}
