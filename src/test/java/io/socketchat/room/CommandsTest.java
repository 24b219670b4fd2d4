package io.socketchat.room;

import io.socketchat.support.LineClient;
import io.socketchat.support.AliceAndBobTest;

import org.junit.jupiter.api.Test;

/** Every command of the protocol's table, as typed in nc. */
class CommandsTest extends AliceAndBobTest {

    @Test
    void privateMessagesReachOnlyTheRecipientWhoseNameIsCaseInsensitive() {
        LineClient carol = server.join("carol");
        alice.expect("* carol joined the chat");
        bob.expect("* carol joined the chat");

        alice.send("/msg BOB meet me at   noon");
        bob.expect("[private] alice: meet me at   noon");
        alice.expect("[private to bob] meet me at   noon");
        carol.send("/who").expect("* 3 users online: alice, bob, carol");
    }

    @Test
    void privateMessageToNobodyAndWithoutText() {
        alice.send("/msg zed hi").expect("! No user named \"zed\".");
        alice.send("/msg bob").expect("! Usage: /msg <user> <text>");
    }

    @Test
    void meIsAnActionForEveryoneElse() {
        alice.send("/me waves");
        bob.expect("* alice waves");
        alice.send("/me").expect("! Usage: /me <action>");
    }

    @Test
    void nickRenamesForEveryoneWithTheJoiningRules() {
        alice.send("/nick bob").expect("! Username \"bob\" is taken.");
        alice.send("/nick bad name").expect("! Usage: /nick <new name>");
        alice.send("/nick Admin").expect("! Username \"Admin\" is reserved.");
        alice.send("/nick alice2").expect("* alice is now known as alice2");
        bob.expect("* alice is now known as alice2");
        alice.send("/nick ALICE2").expect("* alice2 is now known as ALICE2");
        bob.expect("* alice2 is now known as ALICE2");
        bob.send("hi");
        alice.expect("bob: hi");
        alice.send("/who").expect("* 2 users online: ALICE2, bob");
        // the old name is free again
        server.join("alice");
    }

    @Test
    void helpListsTheCommands() {
        alice.send("/help")
            .expect("* Commands:")
            .expectStartingWith("*   /who")
            .expectStartingWith("*   /msg")
            .expectStartingWith("*   /me")
            .expectStartingWith("*   /nick")
            .expectStartingWith("*   /help")
            .expectStartingWith("*   //text")
            .expect("*   exit or /quit        leave the chat");
    }

    @Test
    void unknownCommandsAreAnsweredAndDoubleSlashSendsASlash() {
        alice.send("/dance wildly").expect("! Unknown command /dance. Type /help.");
        alice.send("//dance is a command");
        bob.expect("alice: /dance is a command");
    }

    @Test
    void emptyAndBlankLinesAreIgnored() {
        alice.send("").send("   \t ").send("\r").send("/who").expect("* 2 users online: alice, bob");
        bob.send("/who").expect("* 2 users online: alice, bob");
    }

    @Test
    void trailingWhitespaceIsTrimmed() {
        alice.send("hello   ");
        bob.expect("alice: hello");
    }

}
