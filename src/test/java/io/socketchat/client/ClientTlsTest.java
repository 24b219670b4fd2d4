package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.socketchat.SocketChatApplication;
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
            Finished client = run("alice\nhello over TLS\n", "client", "--chat.host=localhost",
                    "--chat.port=" + server.tlsPort(), "--chat.tls=true", "--chat.tls.trust=" + pem.certificate());

            bob.expect("* alice joined the chat");
            bob.expect("alice: hello over TLS");
            bob.expect("* alice left the chat");
            assertThat(client.out()).containsExactly("Welcome to Socket Chat! Enter your username:",
                    "Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
            assertThat(client.err()).isEmpty();
            assertThat(client.status()).isZero();
        }
    }

    @Test
    void aCertificateTheClientCannotTrustIsOneLineAndStatusTwo() throws Exception {
        Finished client = run("alice\n", "client", "--chat.host=127.0.0.1", "--chat.port=" + server.tlsPort(),
                "--chat.tls=true");

        assertThat(client.err()).containsExactly("Cannot connect to 127.0.0.1:" + server.tlsPort()
                + ": the server's certificate is not trusted (TLS); if you trust it, add --chat.tls.trust=<its PEM file>");
        assertThat(client.out()).isEmpty();
        assertThat(client.status()).isEqualTo(2);
    }

    @Test
    void anotherCertificateToTrustDoesNotMakeTheServersTrusted() throws Exception {
        Pem stranger = TlsFixture.selfSigned(workDir.resolve("stranger"), "localhost");
        Finished client = run("alice\n", "client", "--chat.host=127.0.0.1", "--chat.port=" + server.tlsPort(),
                "--chat.tls=true", "--chat.tls.trust=" + stranger.certificate());

        assertThat(client.err()).singleElement()
            .asString()
            .isEqualTo("Cannot connect to 127.0.0.1:" + server.tlsPort()
                    + ": the server's certificate is not trusted (TLS); if you trust it, add --chat.tls.trust=<its PEM file>");
        assertThat(client.status()).isEqualTo(2);
    }

    private record Finished(int status, List<String> out, List<String> err) {
    }

    private Finished run(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), SocketChatApplication.class.getName()));
        command.addAll(Stream.of(args).toList());
        Files.createDirectories(workDir);
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process process = builder.start();
        try {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client exits by itself").isTrue();
            return new Finished(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
        }
        finally {
            process.destroyForcibly();
        }
    }

}
