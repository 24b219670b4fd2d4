package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * One address cannot keep others out: connections per address, login places, the chat's
 * last place.
 */
class LimitsPerAddressTest {

    private static final String TOO_MANY = "! Too many connections from your address.";

    @AutoClose
    private RunningServer server;

    @Test
    void seventyConnectionsFromOneAddressGetTenAndANewcomerFromAnotherJoins() {
        server = RunningServer.start("--chat.max-connections-per-address=10");
        List<LineClient> refused = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            LineClient client = server.connect();
            if (i <= 10) {
                client.expectStartingWith("Welcome to ");
            }
            else {
                client.expect(TOO_MANY);
                refused.add(client);
            }
        }
        refused.forEach(LineClient::expectClosed);
        server.joinFrom("127.0.0.2", "zoe");
        assertThat(server.bean(MeterRegistry.class)
            .get("chat.connections.rejected")
            .tag("reason", "per-address")
            .functionCounter()
            .count()).isEqualTo(60);
    }

    @Test
    void withoutALimitPerAddressOneAddressStillCannotTakeEveryLoginPlace() {
        server = RunningServer.start("--chat.max-connections-per-address=0", "--chat.max-pending=64");
        List<LineClient> idle = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            LineClient client = server.connect();
            if (i <= 64) {
                client.expectStartingWith("Welcome to ");
                idle.add(client);
            }
            else {
                client.expect("! Server is busy. Try again later.");
                client.expectClosed();
            }
        }
        server.joinFrom("127.0.0.2", "zoe");
        // the place went to the newcomer at the expense of the oldest idle connection
        idle.get(0).expect("! Server is busy. Try again later.");
        idle.get(0).expectClosed();
        idle.get(1).send("alice").expectStartingWith("Hello alice! 2 users online");
    }

    @Test
    void oneAddressCannotTakeTheChatsLastPlace() {
        server = RunningServer.start("--chat.max-connections-per-address=10", "--chat.max-clients=2");
        server.join("alice");
        LineClient second = server.connect();
        second.expect(TOO_MANY);
        second.expectClosed();
        server.joinFrom("127.0.0.2", "bob");
        LineClient third = server.connectFrom("127.0.0.3");
        third.expect("! Server is full (2/2 users). Try again later.");
        third.expectClosed();
    }

}
