package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import io.socketchat.support.TlsFixture;
import io.socketchat.support.TlsFixture.Pem;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The chat over TLS, beside the plain port: one room, the same lines, the same
 * protection.
 */
class TlsChatTest {

    private final Path certificates = Path.of("target", "test-certificates", UUID.randomUUID().toString());

    @AutoClose
    private RunningServer server;

    @Test
    void aTlsUserAndAPlainUserChatBothWays() {
        Pem pem = TlsFixture.selfSigned(certificates, "localhost");
        server = start(pem);
        LineClient alice = server.connectTls(pem.x509());
        alice.expect("Welcome to Socket Chat! Enter your username:");
        alice.send("alice");
        alice.expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");

        alice.send("hello from TLS");
        bob.expect("alice: hello from TLS");
        bob.send("hello from plain TCP");
        alice.expect("bob: hello from plain TCP");
        alice.send("/msg bob just us");
        bob.expect("[private] alice: just us");
        alice.expect("[private to bob] just us");
        bob.send("/me waves");
        alice.expect("* bob waves");

        alice.send("exit");
        alice.expectClosed();
        bob.expect("* alice left the chat");
    }

    @Test
    void withThePlainPortOffOnlyTlsIsServedAndHealthShowsItsPort() throws Exception {
        Pem pem = TlsFixture.selfSigned(certificates, "localhost");
        server = start(pem, "--chat.port=-1");
        assertThat(server.context().containsBean("chatConnectionFactory")).isFalse();

        joinTls(pem.x509(), "alice");

        HttpResponse<String> health = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"chat\":{\"details\":{\"tlsPort\":" + server.tlsPort()
                + ",\"usersOnline\":1,\"maxClients\":5},\"status\":\"UP\"}");
    }

    @Test
    void aRenewedCertificateIsUsedForNewConnectionsWhileConnectedUsersStay() {
        Pem first = TlsFixture.selfSigned(certificates, "localhost");
        server = start(first);
        LineClient alice = joinTls(first.x509(), "alice");

        Pem renewed = TlsFixture.selfSigned(certificates, "localhost");
        assertThat(renewed.x509()).isNotEqualTo(first.x509());
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> serverCertificate(first, renewed).equals(renewed.x509()));

        // a newcomer that trusts only the renewed certificate joins and talks with alice
        LineClient bob = server.connectTls(renewed.x509());
        bob.expect("Welcome to Socket Chat! Enter your username:");
        bob.send("bob");
        bob.expect("Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* bob joined the chat");
        alice.send("still here");
        bob.expect("alice: still here");
        bob.send("welcome back");
        alice.expect("bob: welcome back");
    }

    @Test
    void aTlsUserWhoStopsReadingIsDroppedWhileTheOthersKeepChatting() {
        Pem pem = TlsFixture.selfSigned(certificates, "localhost");
        server = start(pem, "--chat.rate-limit=0", "--chat.history-size=0", "--chat.send-queue-limit=200");
        // joins over TLS, then never reads a byte again
        LineClient silent = server.connectTlsRaw(4096, pem.x509());
        silent.expect("Welcome to Socket Chat! Enter your username:");
        silent.send("bob");
        silent.expectStartingWith("Hello bob! ");
        LineClient alice = server.join("alice");
        LineClient carol = server.join("carol");
        alice.expect("* carol joined the chat");

        String padding = "x".repeat(900);
        List<String> notices = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 100 && (notices.isEmpty() || round % 10 != 0); round++) {
            StringBuilder lines = new StringBuilder();
            for (int i = round * 100; i < (round + 1) * 100; i++) {
                lines.append("line ").append(i).append(' ').append(padding).append('\n');
            }
            alice.sendRaw(lines.toString().getBytes());
            while (next < (round + 1) * 100) {
                String line = carol.nextLine(Duration.ofSeconds(20));
                if (line.startsWith("* ")) {
                    notices.add(line);
                    continue;
                }
                assertThat(line).isEqualTo("alice: line " + next + " " + padding);
                next++;
            }
        }
        assertThat(notices).containsExactly("* bob was disconnected (not reading)");
        alice.skipUntil("* bob was disconnected (not reading)");
        carol.send("and we go on");
        alice.expect("carol: and we go on");
        server.bean(ChatRoom.class).say("all well");
        alice.expect("Server: all well");
        carol.expect("Server: all well");
        assertThat(server.bean(ChatRoom.class).who()).containsExactly("alice", "carol");
    }

    private LineClient joinTls(X509Certificate trusted, String name) {
        LineClient client = server.connectTls(trusted);
        client.expect("Welcome to Socket Chat! Enter your username:");
        client.send(name);
        client.expectStartingWith("Hello " + name + "! ");
        return client;
    }

    private RunningServer start(Pem pem, String... more) {
        return RunningServer
            .start(Stream.concat(TlsFixture.serverArgs(pem).stream(), Stream.of(more)).toArray(String[]::new));
    }

    /**
     * The certificate a new connection is shown (trusting both, so either handshake
     * succeeds).
     */
    private X509Certificate serverCertificate(Pem first, Pem renewed) throws Exception {
        try (SSLSocket socket = TlsFixture.connect(server.tlsPort(), 0, first.x509(), renewed.x509())) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

}
