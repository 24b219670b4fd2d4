package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Under load nothing accepted is lost and each sender's lines keep their order. */
class ManyClientsOrderTest {

    private static final int CLIENTS = 200;

    private static final int LINES_EACH = 20;

    @AutoClose
    private RunningServer server;

    @Test
    void twoHundredClientsTimesTwentyLinesArriveCompleteAndInPerSenderOrder() throws Exception {
        server = RunningServer.start("--chat.rate-limit=0", "--chat.max-clients=" + CLIENTS,
                "--chat.max-pending=" + CLIENTS, "--chat.history-size=0");
        List<LineClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(server.join("c" + i));
        }
        // everyone has seen the last join, so everyone is in before anyone speaks
        for (int i = 0; i < CLIENTS - 1; i++) {
            clients.get(i).skipUntil("* c" + (CLIENTS - 1) + " joined the chat");
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<Map<String, Integer>>> received = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                LineClient client = clients.get(i);
                received.add(CompletableFuture.supplyAsync(() -> readAll(client), pool));
            }
            for (int i = 0; i < CLIENTS; i++) {
                StringBuilder lines = new StringBuilder();
                for (int seq = 0; seq < LINES_EACH; seq++) {
                    lines.append(seq).append('\n');
                }
                clients.get(i).sendRaw(lines.toString().getBytes());
            }
            for (CompletableFuture<Map<String, Integer>> counts : received) {
                Map<String, Integer> lastSeen = counts.get(60, TimeUnit.SECONDS);
                assertThat(lastSeen).hasSize(CLIENTS - 1);
                assertThat(lastSeen.values()).allMatch(last -> last == LINES_EACH - 1);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * Reads every other client's lines, checking each sender's sequence is 0, 1, 2, ...
     */
    private static Map<String, Integer> readAll(LineClient client) {
        Map<String, Integer> lastSeen = new HashMap<>();
        int expected = (CLIENTS - 1) * LINES_EACH;
        for (int n = 0; n < expected; n++) {
            String line = client.nextLine(Duration.ofSeconds(30));
            int colon = line.indexOf(": ");
            String sender = line.substring(0, colon);
            int seq = Integer.parseInt(line.substring(colon + 2));
            int previous = lastSeen.getOrDefault(sender, -1);
            assertThat(seq).as("line from %s", sender).isEqualTo(previous + 1);
            lastSeen.put(sender, seq);
        }
        return lastSeen;
    }

}
