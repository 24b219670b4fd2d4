package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.socketchat.start.ServerStart;
import io.socketchat.admin.AdminCommands;
import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users on two nodes are in one room: every line, notice, command and the history. */
class TwoNodesTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void usersOnTwoNodesChatAsInOneRoom() {
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        LineClient alice = a.connect()
            .expectStartingWith("Welcome")
            .send("alice")
            .expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        LineClient bob = b.connect()
            .expectStartingWith("Welcome")
            .send("bob")
            .expect("Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* bob joined the chat");

        alice.send("hi bob");
        bob.expect("alice: hi bob");
        bob.send("/me waves");
        alice.expect("* bob waves");
        a.bean(ChatRoom.class).say("from node a");
        alice.expect("Server: from node a");
        bob.expect("Server: from node a");
        alice.send("/msg BOB psst").expect("[private to bob] psst");
        bob.expect("[private] alice: psst");
        bob.send("/who").expect("* 2 users online: alice, bob");
        b.connect()
            .expectStartingWith("Welcome")
            .send("Alice")
            .expect("! Username \"Alice\" is taken. Enter another username:");

        LineClient carol = a.connect()
            .expectStartingWith("Welcome")
            .send("carol")
            .expect("Hello carol! 3 users online: alice, bob, carol. Type /help for commands, exit to leave.")
            .expect("-- last 3 messages --")
            .expect("alice: hi bob")
            .expect("* bob waves")
            .expect("Server: from node a")
            .expect("-- end of history --");
        alice.expect("* carol joined the chat");
        bob.expect("* carol joined the chat");

        bob.send("/nick robert").expect("* bob is now known as robert");
        alice.expect("* bob is now known as robert");
        carol.expect("* bob is now known as robert");
        assertThat(b.bean(ChatRoom.class).who()).containsExactly("alice", "carol", "robert");

        assertThat(a.bean(ChatRoom.class).kick("Robert", "spam")).isTrue();
        bob.expect("! You were kicked: spam");
        bob.expectClosed();
        alice.expect("* robert was kicked (spam)");
        carol.expect("* robert was kicked (spam)");

        carol.send("exit");
        carol.expectClosed();
        alice.expect("* carol left the chat");
        // node b applies the leave a moment after node a
        await().atMost(LineClient.TIMEOUT)
            .untilAsserted(() -> assertThat(b.bean(ChatRoom.class).who()).containsExactly("alice"));
        assertThat(b.bean(ChatRoom.class).kick("robert", "")).isFalse();
    }

    @Test
    void shutdownStopsOneNodeOnlyItsUsersAreToldAndTheOthersSeeThemLeave() throws Exception {
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        LineClient alice = a.join("alice");
        try (LineClient bob = LineClient.connect(b.port())) {
            bob.expectStartingWith("Welcome").send("bob").expectStartingWith("Hello bob! 2 users online: alice, bob.");
            alice.expect("* bob joined the chat");
            assertThat(a.bean(AdminCommands.class).who()).isEqualTo("2 online: alice, bob");

            ServerStart.whole(b.context()).close();
            bob.expect("* Server is shutting down.");
            bob.expectClosed();
            alice.expect("* bob left the chat");
        }
        assertThat(a.bean(AdminCommands.class).who()).isEqualTo("1 online: alice");
        HttpResponse<String> metrics = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.httpPort() + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("chat_users 1.0", "chat_messages_received_total");
    }

}
