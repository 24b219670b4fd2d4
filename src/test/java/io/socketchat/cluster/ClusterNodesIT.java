package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.ServerProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged jar, twice, on one Redis: one room across two JVMs, and a node killed with
 * SIGKILL.
 */
class ClusterNodesIT {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @Test
    void twoProcessesShareOneRoomAndTheUsersOfAKilledOneLeaveWithinTheLease() {
        try (ServerProcess a = ServerProcess.start(node("a"));
                ServerProcess b = ServerProcess.start(node("b"));
                LineClient alice = LineClient.connect(a.tcpPort());
                LineClient bob = LineClient.connect(b.tcpPort())) {
            alice.expectStartingWith("Welcome").send("alice").expectStartingWith("Hello alice! 1 user online: alice.");
            bob.expectStartingWith("Welcome").send("bob").expectStartingWith("Hello bob! 2 users online: alice, bob.");
            alice.expect("* bob joined the chat");
            alice.send("hello from a");
            bob.expect("alice: hello from a");
            bob.send("/msg alice from b").expect("[private to alice] from b");
            alice.expect("[private] bob: from b");

            long killed = System.nanoTime();
            b.close();
            assertThat(alice.nextLine(LEASE.plusSeconds(5))).isEqualTo("* bob left the chat");
            Duration gone = Duration.ofNanos(System.nanoTime() - killed);
            assertThat(gone).isLessThanOrEqualTo(LEASE.plusSeconds(5));

            try (LineClient again = LineClient.connect(a.tcpPort())) {
                again.expectStartingWith("Welcome")
                    .send("bob")
                    .expectStartingWith("Hello bob! 2 users online: alice, bob.");
            }
        }
    }

    private static String[] node(String name) {
        return new String[] { "--chat.cluster.enabled=true", "--chat.cluster.node-name=" + name,
                "--chat.cluster.lease=" + LEASE.toSeconds() + "s", "--spring.data.redis.port=" + redis.port(),
                "--chat.history-size=0" };
    }

}
