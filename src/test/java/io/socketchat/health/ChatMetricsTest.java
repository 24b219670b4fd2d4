package io.socketchat.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The chat's meters at {@code /actuator/metrics}. */
class ChatMetricsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @AutoClose
    private RunningServer server;

    @Test
    void usersMessagesRejectionsAndDropsAreCounted() throws Exception {
        server = RunningServer.start("--chat.max-clients=2", "--chat.history-size=0");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");
        alice.send("one");
        bob.expect("alice: one");
        alice.send("two");
        bob.expect("alice: two");
        LineClient late = server.connect().expect("! Server is full (2/2 users). Try again later.");
        late.expectClosed();
        server.bean(ChatRoom.class).kick("bob", "testing");
        alice.expect("* bob was kicked (testing)");

        assertThat(metric("chat.users")).contains("\"value\":1.0");
        assertThat(metric("chat.messages.received")).contains("\"value\":2.0");
        // alice's two lines to bob, plus the join, kick and Hello lines
        assertThat(metric("chat.messages.delivered")).containsPattern("\"value\":([5-9]|\\d\\d+)\\.0");
        assertThat(metric("chat.connections.rejected?tag=reason:full")).contains("\"value\":1.0");
        assertThat(metric("chat.clients.dropped?tag=reason:kicked")).contains("\"value\":1.0");
    }

    private String metric(String nameAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/actuator/metrics/" + nameAndQuery))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(nameAndQuery).isEqualTo(200);
        return response.body();
    }

}
