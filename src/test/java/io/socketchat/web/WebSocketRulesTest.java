package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket at /chat follows the chat's rules, seen from a plain Java WebSocket
 * client.
 */
class WebSocketRulesTest {

    private RunningServer server;

    private final List<WebSocketUser> users = new ArrayList<>();

    @AfterEach
    void stop() {
        users.forEach(WebSocketUser::close);
        if (server != null) {
            server.close();
        }
    }

    private WebSocketUser track(WebSocketUser user) {
        users.add(user);
        return user;
    }

    @Test
    void aWebSocketUserIsInTheSameRoomAsTcpUsers() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        WebSocketUser bob = track(WebSocketUser.connect(server.httpPort()));
        bob.expect("Welcome to Socket Chat! Enter your username:");
        bob.send("ALICE").expect("! Username \"ALICE\" is taken. Enter another username:");
        bob.send("bob").expect("Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* bob joined the chat");

        bob.send("hi from the web");
        alice.expect("bob: hi from the web");
        alice.send("hi from the terminal");
        bob.expect("alice: hi from the terminal");
        bob.send("/who").expect("* 2 users online: alice, bob");
        bob.send("/msg alice psst");
        bob.expect("[private to alice] psst");
        alice.expect("[private] bob: psst");

        MeterRegistry meters = server.bean(MeterRegistry.class);
        assertThat(meters.get("chat.users").gauge().value()).isEqualTo(2);
        assertThat(meters.get("chat.messages.received").functionCounter().count()).isEqualTo(4);

        bob.send("exit");
        assertThat(bob.expectClosed()).isEqualTo(1000);
        alice.expect("* bob left the chat");
        assertThat(meters.get("chat.users").gauge().value()).isEqualTo(1);
    }

    @Test
    void otherOriginsAreRefusedUnlessAllowed() {
        server = RunningServer.start("--chat.web.allowed-origins=http://friends.example:8080");
        int port = server.httpPort();
        assertThat(handshakeStatus(port, "http://evil.example")).isEqualTo(403);
        assertThat(handshakeStatus(port, "http://friends.example")).isEqualTo(403);
        track(WebSocketUser.connect(port, "http://friends.example:8080")).expectStartingWith("Welcome to ");
        // the page's own origin is always allowed
        track(WebSocketUser.connect(port, "http://127.0.0.1:" + port)).expectStartingWith("Welcome to ");
    }

    @Test
    void byDefaultOnlyThePagesOwnOriginMayConnect() {
        server = RunningServer.start();
        int port = server.httpPort();
        assertThat(handshakeStatus(port, "http://evil.example")).isEqualTo(403);
        assertThat(handshakeStatus(port, "http://localhost:" + port)).isEqualTo(403);
        track(WebSocketUser.connect(port, "http://127.0.0.1:" + port)).expectStartingWith("Welcome to ");
    }

    @Test
    void overLongFramesAreRefusedAndTheConnectionStays() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.join("alice");
        WebSocketUser bob = track(WebSocketUser.join(server.httpPort(), "bob"));
        alice.expect("* bob joined the chat");
        String refusal = "! Line too long (max 1024 bytes); not sent.";

        bob.send("x".repeat(1025)).expect(refusal);
        // bytes, not characters: 513 two-byte letters are 1026 bytes
        bob.send("é".repeat(513)).expect(refusal);
        // far past Tomcat's default 8 KB text buffer, which would close the socket (1009)
        bob.send("y".repeat(60_000)).expect(refusal);
        bob.send("z".repeat(1024));
        alice.expect("bob: " + "z".repeat(1024));
        bob.send("still here");
        alice.expect("bob: still here");
    }

    @Test
    void aWebSocketUserSendingTooFastIsAnsweredForEveryRefusedLine() {
        server = RunningServer.start("--chat.history-size=0", "--chat.rate-limit=5");
        LineClient alice = server.join("alice");
        WebSocketUser bob = track(WebSocketUser.join(server.httpPort(), "bob"));
        alice.expect("* bob joined the chat");
        for (int i = 1; i <= 12; i++) {
            bob.send("line " + i);
        }
        for (int i = 1; i <= 10; i++) {
            alice.expect("bob: line " + i);
        }
        bob.expect("! You are sending too fast; message not sent.");
        bob.expect("! You are sending too fast; message not sent.");
    }

    @Test
    void binaryFramesCloseTheWebSocketWithAReason() {
        server = RunningServer.start();
        WebSocketUser someone = track(WebSocketUser.connect(server.httpPort()));
        someone.expectStartingWith("Welcome to ");
        someone.sendBinary(new byte[] { 1, 2, 3 });
        assertThat(someone.expectClosed()).isEqualTo(1003);
    }

    @Test
    void withTheWebOffThereIsNoPageAndNoWebSocket() throws Exception {
        server = RunningServer.start("--chat.web.enabled=false");
        int port = server.httpPort();
        HttpResponse<String> page = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(handshakeStatus(port, null)).isEqualTo(404);
        // the TCP side is unaffected
        server.join("alice");
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        server = RunningServer.start();
        HttpResponse<String> page = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"log\"").contains("chat.js");
    }

    /** The HTTP status of a refused handshake. */
    private static int handshakeStatus(int httpPort, String origin) {
        HttpClient client = HttpClient.newHttpClient();
        var builder = client.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        CompletableFuture<?> handshake = builder
            .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/chat"), new java.net.http.WebSocket.Listener() {
            })
            .orTimeout(WebSocketUser.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThatThrownBy(handshake::join).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) handshake.handle((ok, failure) -> failure.getCause()).join())
            .getResponse()
            .statusCode();
    }

}
