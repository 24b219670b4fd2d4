package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins on two nodes at the same moment, for one name or for the last place: exactly one
 * wins.
 */
class RacingJoinsTest {

    private static final int ROUNDS = 5;

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void oneNameOneWinnerThenTheLastPlaceOneWinner() {
        RunningServer a = nodes.start("a", "--chat.max-clients=3");
        RunningServer b = nodes.start("b", "--chat.max-clients=3");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "sam" + round;
            List<String> answers = race(a, name, b, name);
            assertThat(answers).as("round %d", round)
                .containsExactlyInAnyOrder(
                        "Hello " + name + "! 1 user online: " + name + ". Type /help for commands, exit to leave.",
                        "! Username \"" + name + "\" is taken. Enter another username:");
            a.awaitEmptyRoom();
            b.awaitEmptyRoom();
        }

        a.join("alice");
        b.join("bob");
        for (int round = 0; round < ROUNDS; round++) {
            List<String> answers = race(a, "x" + round, b, "y" + round);
            assertThat(answers).as("round %d", round)
                .hasSize(2)
                .containsOnlyOnce("! Server is full (3/3 users). Try again later.")
                .anyMatch(line -> line.matches("Hello [xy]\\d! 3 users online: .*"));
            await().atMost(LineClient.TIMEOUT)
                .until(() -> a.bean(ChatRoom.class).size() == 2 && b.bean(ChatRoom.class).size() == 2);
        }
    }

    /**
     * Both connect, then send their names at once; returns each one's answer. Both leave.
     */
    private List<String> race(RunningServer first, String firstName, RunningServer second, String secondName) {
        try (LineClient one = LineClient.connect(first.port()); LineClient two = LineClient.connect(second.port())) {
            one.expectStartingWith("Welcome");
            two.expectStartingWith("Welcome");
            one.send(firstName);
            two.send(secondName);
            return new ArrayList<>(List.of(one.nextLine(), two.nextLine()));
        }
    }

}
