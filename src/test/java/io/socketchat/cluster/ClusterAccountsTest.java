package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.socketchat.accounts.AccountBook;
import io.socketchat.admin.AdminCommands;
import io.socketchat.protocol.Username;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With several nodes the accounts are the room's, in Redis: an invite made on one node
 * works on another.
 */
class ClusterAccountsTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @TempDir
    Path parent;

    @Test
    void anInviteFromOneNodeIsUsedOnAnotherOnceAndThePasswordWorksEverywhere() {
        Path unused = parent.resolve("data");
        RunningServer a = nodes.start("a", "--chat.accounts.mode=invite", "--chat.data-dir=" + unused);
        RunningServer b = nodes.start("b", "--chat.accounts.mode=invite", "--chat.data-dir=" + unused);
        String code = a.bean(AccountBook.class).invite(new Username("alice"), Duration.ofHours(1)).code();

        LineClient onB = b.connect();
        onB.expectStartingWith("Welcome to ");
        onB.send("alice");
        onB.expect("Invite code for alice:");
        onB.send(code);
        onB.expect("Choose a password (at least 8 characters):");
        onB.send("correct horse");
        onB.expect("Repeat the password:");
        onB.send("correct horse");
        onB.expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        onB.send("exit");
        onB.expectClosed();

        LineClient again = a.connect();
        again.expectStartingWith("Welcome to ");
        again.send("alice");
        again.expect("Password for alice:");
        again.send(code);
        again.expect("! Wrong password for alice.");
        LineClient onA = a.connect();
        onA.expectStartingWith("Welcome to ");
        onA.send("alice");
        onA.expect("Password for alice:");
        onA.send("correct horse");
        onA.expectStartingWith("Hello alice! ");

        assertThat(a.bean(AdminCommands.class).accounts()).startsWith("1 account:\n  alice  registered ");
        assertThat(unused).doesNotExist();
    }

    @Test
    void aNameForgottenOnOneNodeHasNoAccountOnTheOther() {
        RunningServer a = nodes.start("a", "--chat.accounts.mode=invite");
        RunningServer b = nodes.start("b", "--chat.accounts.mode=invite");
        a.bean(AccountBook.class).invite(new Username("bob"), Duration.ofHours(1));
        assertThat(b.bean(AdminCommands.class).forget(List.of("bob"))).isEqualTo("Account bob removed.");
        LineClient bob = a.connect();
        bob.expectStartingWith("Welcome to ");
        bob.send("bob");
        bob.expect("! \"bob\" has no account here. Ask the admin for an invite. Enter your username:");
    }

}
