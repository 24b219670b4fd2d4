package io.socketchat.room;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Guessing the password from one address stops after a few tries; other addresses are not
 * affected.
 */
class WrongPasswordLockoutTest {

    @AutoClose
    private RunningServer server;

    @Test
    void fiveWrongPasswordsLockTheAddressOutAndOnlyThatAddress() {
        server = RunningServer.start("--chat.password=s3cret", "--chat.max-connections-per-address=10");
        for (int i = 0; i < 5; i++) {
            LineClient guess = server.connect().expect("Password:").send("guess" + i);
            guess.expect("! Wrong password.");
            guess.expectClosed();
        }
        LineClient locked = server.connect();
        locked.expect("! Too many wrong passwords. Try again later.");
        locked.expectClosed();
        server.connectFrom("127.0.0.2")
            .expect("Password:")
            .send("s3cret")
            .expect("Welcome to Socket Chat! Enter your username:")
            .send("alice")
            .expectStartingWith("Hello alice!");
    }

}
