package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Lines past the rate limit are refused, each with an answer; nothing is silently lost.
 */
class FloodControlTest {

    private static final int BURST = 100;

    @AutoClose
    private RunningServer server;

    @Test
    void everyLineIsEitherDeliveredOrAnsweredAsTooFast() {
        server = RunningServer.start("--chat.history-size=0", "--chat.rate-limit=20");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");

        alice.sendRaw(burst());
        alice.send("/quit");

        int refused = 0;
        for (String line = alice.nextLine(); !line.isEmpty(); line = nextOrEmpty(alice)) {
            assertThat(line).isEqualTo("! You are sending too fast; message not sent.");
            refused++;
        }
        int delivered = 0;
        for (String line = bob.nextLine(); !line.equals("* alice left the chat"); line = bob.nextLine()) {
            assertThat(line).startsWith("alice: msg ");
            delivered++;
        }
        // the burst allowance is twice the rate; the sender is too quick to earn many
        // more
        assertThat(delivered).isBetween(40, 60);
        assertThat(delivered + refused).isEqualTo(BURST);
    }

    @Test
    void rateZeroTurnsFloodControlOff() {
        server = RunningServer.start("--chat.history-size=0", "--chat.rate-limit=0");
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");
        alice.sendRaw(burst());
        for (int i = 0; i < BURST; i++) {
            bob.expect("alice: msg " + i);
        }
        alice.send("/who").expect("* 2 users online: alice, bob");
    }

    private static byte[] burst() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < BURST; i++) {
            lines.append("msg ").append(i).append('\n');
        }
        return lines.toString().getBytes();
    }

    private static String nextOrEmpty(LineClient client) {
        try {
            return client.nextLine(Duration.ofSeconds(10));
        }
        catch (AssertionError closed) {
            return "";
        }
    }

}
