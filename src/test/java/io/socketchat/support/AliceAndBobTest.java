package io.socketchat.support;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;

/** A fresh server with alice and bob in the chat, for tests of what users do there. */
public abstract class AliceAndBobTest {

    @AutoClose
    protected RunningServer server;

    protected LineClient alice;

    protected LineClient bob;

    /**
     * The server's arguments; no history by default, so joins read only their Hello line.
     */
    protected String[] serverArgs() {
        return new String[] { "--chat.history-size=0" };
    }

    @BeforeEach
    void aliceAndBobJoin() {
        server = RunningServer.start(serverArgs());
        alice = server.join("alice");
        bob = server.join("bob");
        alice.expect("* bob joined the chat");
    }

}
