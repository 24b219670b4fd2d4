package io.socketchat.room;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Recent public lines replayed to a newcomer, right after its Hello line. */
class HistoryTest {

    @AutoClose
    private RunningServer server;

    @Test
    void replaysTheLastPublicLinesButNeverPrivateOnesOrNotices() {
        server = RunningServer.start("--chat.history-size=3");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");
        alice.send("first");
        bob.expect("alice: first");
        alice.send("/msg bob secret").expect("[private to bob] secret");
        bob.expect("[private] alice: secret");
        bob.send("/me nods");
        alice.expect("* bob nods");
        server.bean(ChatRoom.class).say("welcome all");
        alice.expect("Server: welcome all");
        bob.expect("Server: welcome all");
        alice.send("last");
        bob.expect("alice: last");

        server.connect()
            .expectStartingWith("Welcome")
            .send("carol")
            .expect("Hello carol! 3 users online: alice, bob, carol. Type /help for commands, exit to leave.")
            .expect("-- last 3 messages --")
            .expect("* bob nods")
            .expect("Server: welcome all")
            .expect("alice: last")
            .expect("-- end of history --")
            .send("/who")
            .expect("* 3 users online: alice, bob, carol");
    }

    @Test
    void noBlockWhenNothingWasSaidOrHistoryIsOff() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        alice.send("nobody hears this").send("/who").expect("* 1 user online: alice");
        server.connect()
            .expectStartingWith("Welcome")
            .send("bob")
            .expectStartingWith("Hello bob!")
            .send("/who")
            .expect("* 2 users online: alice, bob");
    }

    @Test
    void oneMessageIsCountedInTheSingular() {
        server = RunningServer.start();
        LineClient alice = server.join("alice");
        // one sender's lines are handled in order: the answer to /who means the message
        // is in history
        alice.send("only this").send("/who").expect("* 1 user online: alice");
        server.connect()
            .expectStartingWith("Welcome")
            .send("bob")
            .expectStartingWith("Hello bob!")
            .expect("-- last 1 message --")
            .expect("alice: only this")
            .expect("-- end of history --");
    }

}
