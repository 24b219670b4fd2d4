package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client as users start it: the jar's main class in a JVM of its own, with no
 * terminal. What it prints is all there is: no banner, no log line, no shell prompt, no
 * stack trace.
 */
class ClientProcessTest {

    @TempDir
    Path workDir;

    @Test
    void theClientWordJoinsAndPrintsOnlyTheChat() throws Exception {
        try (RunningServer server = RunningServer.start(); LineClient bob = server.join("bob")) {
            ClientRun client = run("alice\nhello from a process\n", "client", "--chat.host=127.0.0.1",
                    "--chat.port=" + server.port());

            client.chattedWith(bob, "hello from a process");
        }
    }

    @Test
    void theClientProfileReportsARefusedConnectionInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        ClientRun client = run("", "--spring.profiles.active=client", "--chat.host=127.0.0.1",
                "--chat.port=" + closedPort);

        assertThat(client.err()).containsExactly("Cannot connect to 127.0.0.1:" + closedPort + ": Connection refused");
        assertThat(client.out()).isEmpty();
        assertThat(client.status()).isEqualTo(SessionEnd.NOT_CONNECTED.exitCode());
    }

    @Test
    void aBadSettingIsOneLineToo() throws Exception {
        ClientRun client = run("", "client", "--chat.port=nine");

        assertThat(client.err()).singleElement().asString().startsWith("Invalid setting chat.port=nine");
        assertThat(client.out()).isEmpty();
        assertThat(client.status()).isEqualTo(ChatClientApplication.BAD_SETTINGS);
    }

    private ClientRun run(String input, String... args) throws IOException, InterruptedException {
        return ClientRun.run(workDir, input, args);
    }

}
