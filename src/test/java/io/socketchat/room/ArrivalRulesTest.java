package io.socketchat.room;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Password, name rules, tries, login timeout and the cap on connections without a name.
 */
class ArrivalRulesTest {

    @AutoClose
    private RunningServer server;

    @Test
    void passwordComesFirstAndAWrongOneCloses() {
        server = RunningServer.start("--chat.password=s3cret", "--chat.name=Den");
        LineClient wrong = server.connect().expect("Password:").send("guess");
        wrong.expect("! Wrong password.");
        wrong.expectClosed();
        server.connect()
            .expect("Password:")
            .send("s3cret")
            .expect("Welcome to Den! Enter your username:")
            .send("alice")
            .expectStartingWith("Hello alice!");
    }

    @Test
    void namesFollowTheRules() {
        server = RunningServer.start();
        LineClient client = server.connect().expectStartingWith("Welcome");
        client.send("a".repeat(21))
            .expect("! Username \"" + "a".repeat(21)
                    + "\" is too long (at most 20 characters). Enter another username:");
        client.send("bad name!")
            .expect("! Username \"bad name!\" has characters that are not allowed (use letters, digits, _ - and .). Enter another username:");
        client.send("SyStEm").expect("! Username \"SyStEm\" is reserved. Enter another username:");
        client.send("Zoë_the-3rd.").expectStartingWith("Hello Zoë_the-3rd.! 1 user online: Zoë_the-3rd..");
        server.connect().expectStartingWith("Welcome").send("名前".repeat(10)).expectStartingWith("Hello 名前");
    }

    @Test
    void fiveRefusedNamesCloseTheConnection() {
        server = RunningServer.start();
        LineClient client = server.connect().expectStartingWith("Welcome");
        for (int i = 0; i < 4; i++) {
            client.send("admin").expect("! Username \"admin\" is reserved. Enter another username:");
        }
        client.send("admin")
            .expect("! Username \"admin\" is reserved.")
            .expect("! Too many tries; closing the connection.");
        client.expectClosed();
    }

    @Test
    void noNameInTimeClosesTheConnection() {
        server = RunningServer.start("--chat.login-timeout=1s");
        LineClient idle = server.connect().expectStartingWith("Welcome");
        idle.expect("! No username within 1 seconds; closing the connection.");
        idle.expectClosed();
    }

    @Test
    void connectionsWithoutANameAreCapped() {
        server = RunningServer.start("--chat.max-pending=2");
        LineClient first = server.connect().expectStartingWith("Welcome");
        server.connect().expectStartingWith("Welcome");
        LineClient third = server.connect();
        third.expect("! Server is busy. Try again later.");
        third.expectClosed();
        // once one of them has a name, there is room again
        first.send("alice").expectStartingWith("Hello alice!");
        server.connect().expectStartingWith("Welcome");
    }

    @Test
    void aFullServerSaysSoOnConnect() {
        server = RunningServer.start("--chat.max-clients=1");
        server.join("alice");
        LineClient late = server.connect();
        late.expect("! Server is full (1/1 users). Try again later.");
        late.expectClosed();
    }

}
