package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import io.socketchat.support.TlsFixture;
import io.socketchat.support.TlsFixture.Pem;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client process with {@code --chat.tls=true}: it chats over TLS, or refuses a
 * certificate it cannot trust.
 */
class ClientTlsTest {

    private final Path workDir = Path.of("target", "client-tls", UUID.randomUUID().toString()).toAbsolutePath();

    private Pem pem;

    @AutoClose
    private RunningServer server;

    @BeforeEach
    void startServer() {
        pem = TlsFixture.selfSigned(workDir.resolve("server"), "localhost");
        server = RunningServer.start(TlsFixture.serverArgs(pem).toArray(String[]::new));
    }

    @Test
    void trustingTheServersCertificateTheClientChatsOverTls() throws Exception {
        try (LineClient bob = server.join("bob")) {
            ClientRun client = run("alice\nhello over TLS\n", "client", "--chat.host=localhost",
                    "--chat.port=" + server.tlsPort(), "--chat.tls=true", "--chat.tls.trust=" + pem.certificate());

            client.chattedWith(bob, "hello over TLS");
        }
    }

    @Test
    void aCertificateTheClientCannotTrustIsOneLineAndStatusTwo() throws Exception {
        ClientRun client = run("alice\n", "client", "--chat.host=127.0.0.1", "--chat.port=" + server.tlsPort(),
                "--chat.tls=true");

        assertThat(client.err()).containsExactly(notTrusted());
        assertThat(client.out()).isEmpty();
        assertThat(client.status()).isEqualTo(2);
    }

    @Test
    void anotherCertificateToTrustDoesNotMakeTheServersTrusted() throws Exception {
        Pem stranger = TlsFixture.selfSigned(workDir.resolve("stranger"), "localhost");
        ClientRun client = run("alice\n", "client", "--chat.host=127.0.0.1", "--chat.port=" + server.tlsPort(),
                "--chat.tls=true", "--chat.tls.trust=" + stranger.certificate());

        assertThat(client.err()).singleElement().asString().isEqualTo(notTrusted());
        assertThat(client.status()).isEqualTo(2);
    }

    private String notTrusted() {
        return "Cannot connect to 127.0.0.1:" + server.tlsPort()
                + ": the server's certificate is not trusted (TLS); if you trust it, add --chat.tls.trust=<its PEM file>";
    }

    private ClientRun run(String input, String... args) throws IOException, InterruptedException {
        return ClientRun.run(workDir, input, args);
    }

}
