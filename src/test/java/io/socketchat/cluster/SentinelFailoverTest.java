package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.socketchat.protocol.Replies;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisSentinelGroup;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis primary dies (SIGKILL) while users on two nodes chat, and the sentinels
 * promote the replica: nobody is disconnected, lines meanwhile are answered
 * {@code ! Not delivered}, the chat goes on by itself, and what the old primary accepted
 * but never passed on is said, never silently lost.
 */
class SentinelFailoverTest {

    /** Generous: a busy machine slows the sentinels (down-after 1 s, failover ~2 s). */
    private static final Duration SWITCH = Duration.ofSeconds(20);

    private static final Pattern LINE = Pattern.compile("alice: line (\\d+)");

    @RegisterExtension
    final RedisSentinelGroup group = new RedisSentinelGroup();

    private final Nodes nodes = new Nodes(group);

    private final HttpClient http = HttpClient.newHttpClient();

    /** Before the group stops: nodes that close without Redis take longer. */
    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void whenThePrimaryIsKilledTheChatGoesOnByItselfAndNothingIsLostUnsaid() throws Exception {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB();
        try (Heard alice = new Heard(pair.alice()); Heard bob = new Heard(pair.bob())) {
            int sent = 0;
            int lastBeforeKill = 10;
            long killedAt = 0;
            while (killedAt == 0 || bob.numbers().stream().noneMatch(n -> n > lastBeforeKill)) {
                pair.alice().send("line " + ++sent);
                alice.said("line " + sent);
                if (sent == lastBeforeKill) {
                    killedAt = System.nanoTime();
                    group.killPrimary();
                }
                if (killedAt != 0 && System.nanoTime() - killedAt > SWITCH.toNanos()) {
                    fail("No line reached bob within " + SWITCH + " of the kill");
                }
                // one line every 100 ms, as a brisk user types
                TimeUnit.MILLISECONDS.sleep(100);
            }
            int last = sent + 3;
            while (sent < last) {
                pair.alice().send("line " + ++sent);
            }
            bob.await(("alice: line " + last)::equals);

            List<Integer> received = bob.numbers();
            assertThat(received).as("in order, none twice").isSorted().doesNotHaveDuplicates();
            long notDelivered = alice.count(Replies.NOT_DELIVERED::equals);
            long toldLost = alice.lines()
                .stream()
                .filter(line -> line.text().startsWith("! Your last"))
                .mapToLong(line -> line.text().contains("last line") ? 1
                        : Long.parseLong(line.text().replaceAll("\\D", "")))
                .sum();
            assertThat(notDelivered).as("lines refused while there was no primary").isPositive();
            assertThat((long) (sent - received.size())).as("lines bob missed, each answered")
                .isLessThanOrEqualTo(notDelivered + toldLost);
            long backAfter = bob.firstAt(text -> number(text) > lastBeforeKill) - killedAt;
            assertThat(Duration.ofNanos(backAfter)).isLessThan(Duration.ofSeconds(10));
            timeline(killedAt, alice, bob);

            pair.alice().send("/who");
            alice.await("* 2 users online: alice, bob"::equals);
            assertThat(alice.closed() || bob.closed()).as("anyone disconnected").isFalse();
            assertThat(group.namedPrimaryPort()).isEqualTo(group.replicaPort());
            assertThat(health(pair.a())).contains("\"redisPrimary\":\"127.0.0.1:" + group.replicaPort() + "\"");
        }
    }

    @Test
    void linesAndJoinsTheOldPrimaryNeverPassedOnAreSaidAndRedone() {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB();
        LineClient alice = pair.alice();
        LineClient bob = pair.bob();
        alice.send("before");
        bob.expect("alice: before");

        // the replica takes nothing more: what follows lives on the primary alone
        group.pauseReplica();
        LineClient dave = pair.a().join("dave");
        alice.expect("* dave joined the chat");
        bob.expect("* dave joined the chat");
        long sent = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            alice.send("lost " + i);
            bob.expect("alice: lost " + i);
        }
        // alice's node has the primary's word for all three: killed earlier, the primary
        // would not have taken them as far as her node knows (Not delivered instead)
        LineReceipts receipts = pair.a().bean(RedisLedger.class).follower().receipts();
        await().atMost(Duration.ofSeconds(5))
            .until(() -> receipts.recent()
                .stream()
                .filter(receipt -> receipt.at() - sent > 0)
                .mapToInt(LineReceipts.Receipt::lines)
                .sum() == 3);
        group.killPrimary();
        group.resumeReplica();

        alice.expect("! Your last 3 lines may not have reached everyone.");
        alice.expect("* Some messages may be missing here.");
        bob.skipUntil("* Some messages may be missing here.");
        // dave's lost join was made again: still in, under his name
        dave.skipUntil("* Some messages may be missing here.");
        dave.send("/who").skipUntil("* 3 users online: alice, bob, dave");
        pair.b()
            .connect()
            .expectStartingWith("Welcome")
            .send("carol")
            .expect("Hello carol! 4 users online: alice, bob, carol, dave. Type /help for commands, exit to leave.")
            .expect("-- last 1 message --")
            .expect("alice: before")
            .expect("-- end of history --");
        assertThat(RedisSentinelGroup.command(group.replicaPort(), "LRANGE", "socketchat:{room}:history", "0", "-1"))
            .containsExactly("alice: before");
        alice.send("after");
        bob.skipUntil("alice: after");
    }

    /** Prints who sent and got what when, for the record (the test's output). */
    private static void timeline(long killedAt, Heard alice, Heard bob) {
        List<Heard.Line> events = new ArrayList<>();
        alice.sent().forEach(line -> events.add(new Heard.Line(line.at(), "alice sends " + line.text())));
        alice.lines().forEach(line -> events.add(new Heard.Line(line.at(), "alice gets  " + line.text())));
        bob.lines().forEach(line -> events.add(new Heard.Line(line.at(), "bob gets    " + line.text())));
        events.sort(Comparator.comparingLong(Heard.Line::at));
        System.out.println("Failover as the users saw it (0 = primary killed):");
        events.forEach(event -> System.out.printf("%+7.2f s %s%n", seconds(event.at() - killedAt), event.text()));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static int number(String text) {
        Matcher matcher = LINE.matcher(text);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private String health(RunningServer node) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

    /** Every line a client gets, with the time it came, read on a thread of its own. */
    private static final class Heard implements AutoCloseable {

        record Line(long at, String text) {
        }

        private final List<Line> lines = new CopyOnWriteArrayList<>();

        private final List<Line> sent = new CopyOnWriteArrayList<>();

        private final Thread reader;

        private volatile boolean open = true;

        private volatile boolean closed;

        Heard(LineClient client) {
            reader = new Thread(() -> {
                while (open) {
                    try {
                        String line = client.nextLine(Duration.ofMillis(200));
                        lines.add(new Line(System.nanoTime(), line));
                    }
                    catch (AssertionError ex) {
                        if (String.valueOf(ex.getMessage()).contains("closed")) {
                            closed = true;
                            return;
                        }
                    }
                }
            }, "heard");
            reader.setDaemon(true);
            reader.start();
        }

        List<Line> lines() {
            return lines;
        }

        void said(String text) {
            sent.add(new Line(System.nanoTime(), text));
        }

        List<Line> sent() {
            return sent;
        }

        List<Integer> numbers() {
            return lines.stream().map(line -> number(line.text())).filter(n -> n > 0).toList();
        }

        long count(Predicate<String> which) {
            return lines.stream().filter(line -> which.test(line.text())).count();
        }

        long firstAt(Predicate<String> which) {
            return lines.stream().filter(line -> which.test(line.text())).findFirst().orElseThrow().at();
        }

        void await(Predicate<String> which) {
            org.awaitility.Awaitility.await()
                .atMost(SWITCH)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> count(which) > 0);
        }

        boolean closed() {
            return closed;
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            reader.join(5_000);
        }

    }

}
