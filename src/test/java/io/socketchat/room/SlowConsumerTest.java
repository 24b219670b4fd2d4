package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A user who stops reading slows down nobody and is dropped once its queue is full. */
class SlowConsumerTest {

    private static final int LINES = 10_000;

    private static final int ROUND = 100;

    @AutoClose
    private RunningServer server;

    @Test
    void aClientThatNeverReadsIsDroppedWhileTheOthersGetEveryLineInOrder() {
        server = RunningServer.start("--chat.rate-limit=0", "--chat.history-size=0");
        // joins, then never reads a byte: a small receive buffer fills fast
        LineClient silent = server.connectRaw(4096);
        // in before alice, so that alice's first notice is bob's
        silent.send("silent").expectStartingWith("Welcome").expectStartingWith("Hello silent!");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");

        // alice sends in rounds and bob reads each round, so bob is never far behind;
        // the silent client falls behind by everything
        String padding = "x".repeat(900);
        List<String> notices = new ArrayList<>();
        for (int round = 0; round < LINES / ROUND; round++) {
            StringBuilder lines = new StringBuilder();
            for (int i = round * ROUND; i < (round + 1) * ROUND; i++) {
                lines.append("line ").append(i).append(' ').append(padding).append('\n');
            }
            alice.sendRaw(lines.toString().getBytes());
            int next = round * ROUND;
            while (next < (round + 1) * ROUND) {
                String line = bob.nextLine(Duration.ofSeconds(20));
                if (line.startsWith("* ")) {
                    notices.add(line);
                    continue;
                }
                assertThat(line).isEqualTo("alice: line " + next + " " + padding);
                next++;
            }
        }
        if (notices.isEmpty()) {
            notices.add(bob.nextLine());
        }
        assertThat(notices).containsExactly("* silent was disconnected (not reading)");
        alice.skipUntil("* silent was disconnected (not reading)");

        // the admin is not held up either
        server.bean(ChatRoom.class).say("still here");
        bob.expect("Server: still here");
        alice.expect("Server: still here");
        assertThat(server.bean(ChatRoom.class).who()).containsExactly("alice", "bob");
    }

}
