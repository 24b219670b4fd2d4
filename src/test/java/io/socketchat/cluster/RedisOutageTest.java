package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.protocol.Username;
import io.socketchat.room.Member;
import io.socketchat.room.RoomLedger;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped, restarted, paused: users get the exact refusal lines and stay connected,
 * health is DOWN, and once Redis is back the nodes go on by themselves with nothing lost
 * or repeated.
 */
class RedisOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(20);

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void redisStoppedAndRestarted() {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB("--chat.cluster.lease=8s");
        RunningServer a = pair.a();
        RunningServer b = pair.b();
        LineClient alice = pair.alice();
        LineClient bob = pair.bob();
        alice.send("before");
        bob.expect("alice: before");

        redis.stop();
        alice.send("while redis is down").expect("! Not delivered: the chat is unavailable. Try again shortly.");
        bob.send("me neither").expect("! Not delivered: the chat is unavailable. Try again shortly.");
        awaitReadiness(a, 503);
        awaitReadiness(b, 503);
        assertThat(get(a, "/actuator/health").body()).contains("\"node\":\"a\",\"redisReachable\":false");
        LineClient late = LineClient.connect(b.port());
        late.expect("! Chat unavailable. Try again later.");
        late.expectClosed();
        assertThat(b.bean(MeterRegistry.class)
            .get("chat.connections.rejected")
            .tag("reason", "unavailable")
            .functionCounter()
            .count()).isEqualTo(1);

        redis.start();
        awaitReadiness(a, 200);
        awaitReadiness(b, 200);
        assertThat(get(b, "/actuator/health").body()).contains("\"node\":\"b\",\"redisReachable\":true",
                "\"usersHere\":1,\"usersAll\":2");
        alice.send("after");
        bob.expect("alice: after");
        bob.send("back");
        alice.expect("bob: back");
        b.connect()
            .expectStartingWith("Welcome")
            .send("carol")
            .expect("Hello carol! 3 users online: alice, bob, carol. Type /help for commands, exit to leave.")
            .expect("-- last 3 messages --")
            .expect("alice: before")
            .expect("alice: after")
            .expect("bob: back")
            .expect("-- end of history --");
    }

    @Test
    void redisPausedAndResumed() {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB("--chat.cluster.lease=8s");
        RunningServer a = pair.a();
        RunningServer b = pair.b();
        LineClient alice = pair.alice();
        LineClient bob = pair.bob();
        alice.send("before");
        bob.expect("alice: before");

        redis.pause();
        try {
            // answered once the command times out (spring.data.redis.timeout, 2 s)
            alice.send("while redis sleeps").expect("! Not delivered: the chat is unavailable. Try again shortly.");
            awaitReadiness(a, 503);
            LineClient late = LineClient.connect(a.port());
            late.expect("! Chat unavailable. Try again later.");
            late.expectClosed();
        }
        finally {
            redis.resume();
        }
        awaitReadiness(a, 200);
        awaitReadiness(b, 200);
        alice.send("after");
        // the line Redis read late was not appended: bob's next line is the one after
        bob.expect("alice: after");
        bob.send("/who").expect("* 2 users online: alice, bob");
    }

    @Test
    void aNodeStartedWhileRedisIsDownTurnsUsersAwayThenServesOnceRedisIsUp() {
        redis.stop();
        try {
            RunningServer a = nodes.start("a");
            LineClient early = LineClient.connect(a.port());
            early.expect("! Chat unavailable. Try again later.");
            early.expectClosed();
            assertThat(get(a, "/actuator/health/readiness").statusCode()).isEqualTo(503);

            redis.start();
            awaitReadiness(a, 200);
            a.join("alice");
        }
        finally {
            if (!redisAnswers()) {
                redis.start();
            }
        }
    }

    @Test
    void aUserTheRoomLetGoWhileStillConnectedIsToldAndDisconnected() {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB();
        RunningServer a = pair.a();
        RunningServer b = pair.b();
        LineClient alice = pair.alice();
        LineClient bob = pair.bob();

        // what a node does for a member whose lease ran out (its node was cut off from
        // Redis too long)
        String id = redis.command("HGET", "socketchat:{room}:names", "alice");
        b.bean(RoomLedger.class).leave(new Member(id, new Username("alice")), "* alice left the chat");
        alice.expect("! Chat unavailable. Try again later.");
        alice.expectClosed();
        bob.expect("* alice left the chat");
        a.join("alice");
        bob.expect("* alice joined the chat");
    }

    private static boolean redisAnswers() {
        try {
            return "+PONG".equals(redis.command("PING"));
        }
        catch (AssertionError ex) {
            return false;
        }
    }

    private void awaitReadiness(RunningServer node, int status) {
        await().atMost(RECOVERY)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> get(node, "/actuator/health/readiness").statusCode() == status);
    }

    private HttpResponse<String> get(RunningServer node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
