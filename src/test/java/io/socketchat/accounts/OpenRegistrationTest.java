package io.socketchat.accounts;

import java.nio.file.Path;

import io.socketchat.protocol.Replies;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat.accounts.mode=open}: free names join as before, {@code /register} and
 * {@code /password}, and registered names kept for their owners. One server for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRegistrationTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    static Path dataDir;

    private RunningServer server;

    @BeforeAll
    void start() {
        server = RunningServer.start("--chat.accounts.mode=open", "--chat.data-dir=" + dataDir, "--chat.history-size=0",
                "--chat.max-clients=50", "--chat.rate-limit=0");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aFreeNameJoinsAsBeforeAndRegistersWithTwoPasswordQuestions() {
        LineClient alice = server.join("alice");
        alice.send("/register");
        alice.expect("Choose a password (at least 8 characters):");
        alice.send("short");
        alice.expect("! At least 8 characters. Choose a password (at least 8 characters):");
        alice.send(PASSWORD);
        alice.expect("Repeat the password:");
        alice.send(PASSWORD);
        alice.expect("* alice is registered: this name needs its password from now on.");
        alice.send("/register");
        alice.expect("! alice is already registered.");
        alice.send("exit");
        alice.expectClosed();

        LineClient again = server.connect();
        again.expectStartingWith("Welcome to ");
        again.send("alice");
        again.expect("Password for alice:");
        again.send("wrong password");
        again.expect("! Wrong password for alice.");
        again.expectClosed();
        Admin.logIn(server.connect(), "alice", PASSWORD);
    }

    @Test
    void theAnswersToThePasswordQuestionsReachNobody() {
        LineClient bob = server.join("bob");
        LineClient carol = server.join("carol");
        bob.expect("* carol joined the chat");
        carol.send("/register");
        carol.expect("Choose a password (at least 8 characters):");
        carol.send("carol's secret");
        carol.expect("Repeat the password:");
        carol.send("carol's secret");
        carol.expect("* carol is registered: this name needs its password from now on.");
        carol.send("after registering");
        bob.expect("carol: after registering");
    }

    @Test
    void passwordAsksTheCurrentOneThenANewOne() {
        LineClient dave = register("dave", PASSWORD);
        dave.send("/password");
        dave.expect("Current password:");
        dave.send("not my password");
        dave.expect("! Wrong password.");
        dave.send("/password");
        dave.expect("Current password:");
        dave.send(PASSWORD);
        dave.expect("Choose a password (at least 8 characters):");
        dave.send("a new password");
        dave.expect("Repeat the password:");
        dave.send("a new password");
        dave.expect("* Password changed.");
        dave.send("exit");
        dave.expectClosed();

        LineClient old = server.connect();
        old.expectStartingWith("Welcome to ");
        old.send("dave");
        old.expect("Password for dave:");
        old.send(PASSWORD);
        old.expect("! Wrong password for dave.");
        Admin.logIn(server.connect(), "dave", "a new password");
    }

    @Test
    void helpAddsTheAccountCommands() {
        LineClient ivan = server.join("ivan");
        ivan.send("/help");
        for (String line : Replies.HELP) {
            ivan.expect(line);
        }
        ivan.expect("*   /register            give the name you use a password (open mode)");
        ivan.expect("*   /password            change your account's password");
    }

    @Test
    void exitInTheMiddleOfTheQuestionsLeaves() {
        LineClient judy = server.join("judy");
        LineClient kim = server.join("kim");
        judy.expect("* kim joined the chat");
        judy.send("/register");
        judy.expect("Choose a password (at least 8 characters):");
        judy.send("exit");
        judy.expectClosed();
        kim.expect("* judy left the chat");
    }

    @Test
    void passwordWithoutAnAccountHasNothingToChange() {
        LineClient erin = server.join("erin");
        erin.send("/password");
        erin.expect("! You have no account; nothing to change.");
    }

    @Test
    void aRegisteredNameCannotBeTakenWithNick() {
        register("frank", PASSWORD);
        LineClient grace = server.join("grace");
        grace.send("/nick Frank");
        grace.expect("! Username \"Frank\" is registered.");
        grace.send("/nick fr\u0430nk");
        grace.expect("! Username \"fr\u0430nk\" is registered.");
        grace.send("/nick grace2");
        grace.expect("* grace is now known as grace2");
    }

    @Test
    void aLookAlikeOfARegisteredNameIsRefusedAtTheDoor() {
        Admin.leave(register("heidi", PASSWORD));
        LineClient spoof = server.connect();
        spoof.expectStartingWith("Welcome to ");
        spoof.send("he\u0456di");
        spoof.expect("! Username \"he\u0456di\" is registered. Enter another username:");
    }

    private LineClient register(String name, String password) {
        LineClient user = server.join(name);
        user.send("/register");
        user.expect("Choose a password (at least 8 characters):");
        user.send(password);
        user.expect("Repeat the password:");
        user.send(password);
        user.expect("* " + name + " is registered: this name needs its password from now on.");
        return user;
    }

}
