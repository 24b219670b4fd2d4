package io.socketchat.client;

import static org.awaitility.Awaitility.await;

import io.socketchat.support.RunningServer;

/** The real chat server for the client's tests, started in this JVM on free loopback ports. */
final class RealServer {

    private RealServer() {
    }

    /**
     * Starts it and waits until it listens: the TCP factory binds on a thread of its own after
     * the context has started, and reports port 0 until then.
     */
    static RunningServer start(String... args) {
        RunningServer server = RunningServer.start(args);
        await().atMost(Screen.PATIENCE).until(() -> server.port() != 0);
        return server;
    }
}
