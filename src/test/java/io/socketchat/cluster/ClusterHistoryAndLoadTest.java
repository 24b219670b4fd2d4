package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History kept across the restart of every node; many users on two nodes lose nothing and
 * keep order.
 */
class ClusterHistoryAndLoadTest {

    private static final int USERS = 200;

    private static final int LINES = 20;

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void historySurvivesTheRestartOfBothNodesAndOfRedis() {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB("--chat.history-size=3");
        RunningServer a = pair.a();
        RunningServer b = pair.b();
        LineClient alice = pair.alice();
        LineClient bob = pair.bob();
        for (String line : List.of("one", "two", "three", "four")) {
            alice.send(line);
            bob.expect("alice: " + line);
        }
        a.close();
        b.close();
        redis.stop();
        redis.start();

        RunningServer again = nodes.start("a", "--chat.history-size=3");
        again.connect()
            .expectStartingWith("Welcome")
            .send("carol")
            .expect("Hello carol! 1 user online: carol. Type /help for commands, exit to leave.")
            .expect("-- last 3 messages --")
            .expect("alice: two")
            .expect("alice: three")
            .expect("alice: four")
            .expect("-- end of history --");
    }

    @Test
    void twoHundredUsersOnTwoNodesGetEveryLineOnceInEachSendersOrder() throws Exception {
        RunningServer a = nodes.start("a", "--chat.max-clients=" + USERS, "--chat.history-size=0",
                "--chat.max-pending=" + USERS);
        RunningServer b = nodes.start("b", "--chat.max-clients=" + USERS, "--chat.history-size=0",
                "--chat.max-pending=" + USERS);
        List<LineClient> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            RunningServer node = i % 2 == 0 ? a : b;
            LineClient user = LineClient.connect(node.port());
            user.expectStartingWith("Welcome").send("u" + i).expectStartingWith("Hello u" + i + "! ");
            users.add(user);
        }
        // everyone has seen the last join: from here on every user gets the same lines
        for (LineClient user : users.subList(0, USERS - 1)) {
            user.skipUntil("* u" + (USERS - 1) + " joined the chat");
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int me = i;
                readers.add(pool.submit(() -> readAll(users.get(me), me)));
            }
            for (int line = 0; line < LINES; line++) {
                for (int i = 0; i < USERS; i++) {
                    users.get(i).sendRaw(("n" + line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
        }
        finally {
            pool.shutdownNow();
            users.forEach(LineClient::close);
        }
    }

    /** Every other user's LINES lines, each sender's in order, nothing twice. */
    private static Void readAll(LineClient user, int me) {
        Map<String, Integer> next = new HashMap<>();
        int expected = (USERS - 1) * LINES;
        for (int seen = 0; seen < expected; seen++) {
            String line = user.nextLine(Duration.ofSeconds(60));
            int colon = line.indexOf(": n");
            assertThat(colon).as("u%d got %s", me, line).isPositive();
            String sender = line.substring(0, colon);
            int number = Integer.parseInt(line.substring(colon + 3));
            assertThat(number).as("u%d: line from %s", me, sender).isEqualTo(next.getOrDefault(sender, 0));
            next.put(sender, number + 1);
        }
        assertThat(next).hasSize(USERS - 1).allSatisfy((sender, count) -> assertThat(count).isEqualTo(LINES));
        return null;
    }

}
