package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A browser that stops reading (a hung tab) fills the server's socket to it; the server
 * never waits on that socket: the readers keep getting every line at once, and the
 * browser is dropped as not reading, with the same notice as a TCP user.
 */
class NotReadingBrowserTest {

    private static final int LINES = 12_000;

    private static final int ROUND = 200;

    private static final String FILLER = "x".repeat(900);

    /**
     * Far below what a reader would wait if the server waited on the silent browser: the
     * 5 s a sender is held while the server catches up, or the 10 s a WebSocket send may
     * take.
     */
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    @AutoClose
    private RunningServer server;

    @AutoClose
    private WebSocketUser slow;

    @Test
    void aBrowserThatStopsReadingIsDroppedWithoutDelayingOthers() {
        server = RunningServer.start("--chat.history-size=0", "--chat.rate-limit=0", "--chat.send-queue-limit=200");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        slow = WebSocketUser.join(server.httpPort(), "slow");
        alice.skipUntil("* slow joined the chat");
        bob.skipUntil("* slow joined the chat");
        slow.stopReading();

        AtomicInteger bobGot = new AtomicInteger();
        CompletableFuture<BobSaw> bobReads = CompletableFuture.supplyAsync(() -> read(bob, bobGot));
        // in rounds that bob reads before the next: a line's delay is the server's, not a
        // queue of alice's
        for (int sent = 0; sent < LINES;) {
            for (int i = 0; i < ROUND; i++, sent++) {
                alice.send(System.nanoTime() + " " + FILLER);
            }
            int expected = sent;
            await().atMost(LineClient.TIMEOUT)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> bobGot.get() >= expected || bobReads.isDone());
        }
        alice.send("last");
        BobSaw saw = bobReads.join();

        assertThat(saw.messages()).isEqualTo(LINES);
        assertThat(saw.notices()).containsExactly("* slow was disconnected (not reading)");
        assertThat(saw.maxDelay()).isLessThan(MAX_DELAY);
        assertThat(server.bean(ChatRoom.class).who()).containsExactly("alice", "bob");
    }

    private static BobSaw read(LineClient bob, AtomicInteger got) {
        int messages = 0;
        long maxDelay = 0;
        List<String> notices = new ArrayList<>();
        for (String line = bob.nextLine(); !line.equals("alice: last"); line = bob.nextLine()) {
            if (line.startsWith("alice: ")) {
                long sent = Long.parseLong(line.substring("alice: ".length(), line.indexOf(' ', "alice: ".length())));
                maxDelay = Math.max(maxDelay, System.nanoTime() - sent);
                messages++;
                got.incrementAndGet();
            }
            else {
                notices.add(line);
            }
        }
        return new BobSaw(messages, notices, Duration.ofNanos(maxDelay));
    }

    private record BobSaw(int messages, List<String> notices, Duration maxDelay) {
    }

}
