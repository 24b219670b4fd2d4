package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Users spread over several servers, round robin, with the counts of all of them in one
 * report.
 */
@Timeout(60)
class TargetsTest {

    @Test
    void targetsAreReadAsHostPortPairs() {
        Targets targets = OptionParser.parse("--targets", "127.0.0.1:9999, [::1]:9998,localhost:7000")
            .options()
            .targets();

        assertThat(targets.describe()).isEqualTo("127.0.0.1:9999, [::1]:9998, localhost:7000");
        assertThat(targets.forClient(0).getPort()).isEqualTo(9999);
        assertThat(targets.forClient(1).getPort()).isEqualTo(9998);
        assertThat(targets.forClient(3).getPort()).isEqualTo(9999);
        assertThat(OptionParser.parse("--port=7000").options().targets().describe()).isEqualTo("127.0.0.1:7000");
        assertThatThrownBy(() -> OptionParser.parse("--targets=127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> OptionParser.parse("--targets=127.0.0.1:x")).hasMessageContaining("no port number");
        assertThatThrownBy(() -> OptionParser.parse("--targets=127.0.0.1:0")).hasMessageContaining("1..65535");
    }

    /**
     * Two separate relays are two rooms: each user is owed the lines of the users on its
     * own server only, and the report adds both rooms up.
     */
    @Test
    void usersAreSpreadOverTwoServersAndEachRoomIsCountedOnItsOwn() throws Exception {
        try (RelaySink first = RelaySink.start("127.0.0.1", 0, null, 8L << 20);
                RelaySink second = RelaySink.start("127.0.0.1", 0, null, 8L << 20)) {
            Targets both = Targets.parse("127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port());

            BenchResult r = new LoadDriver(BenchOptions.builder()
                .targets(both)
                .clients(6)
                .messages(25)
                .quiet(true)
                .timeLimit(Duration.ofSeconds(30))
                .build(), null, false).run();

            // b0, b2, b4 on the first, b1, b3, b5 on the second: 3 senders x 25 lines x 2
            // readers per room
            assertThat(first.relayed()).isEqualTo(3 * 25);
            assertThat(second.relayed()).isEqualTo(3 * 25);
            assertThat(r.joined()).isEqualTo(6);
            assertThat(r.sent()).isEqualTo(6 * 25);
            assertThat(r.expected()).isEqualTo(2 * 3 * 25 * 2);
            assertThat(r.delivered()).isEqualTo(r.expected());
            assertThat(r.clean()).isTrue();
        }
    }

    @Test
    void theReportNamesEveryTarget() throws Exception {
        try (RelaySink first = RelaySink.start("127.0.0.1", 0, null, 8L << 20);
                RelaySink second = RelaySink.start("127.0.0.1", 0, null, 8L << 20)) {
            String targets = "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            ByteArrayOutputStream json = new ByteArrayOutputStream();

            int textStatus = BenchApplication.run(
                    new String[] { "--targets", targets, "-c", "4", "-n", "5", "--quiet" },
                    new PrintStream(text, true, StandardCharsets.UTF_8), System.err);
            int jsonStatus = BenchApplication.run(new String[] { "--targets", targets, "-c", "4", "-n", "5", "--json" },
                    new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

            assertThat(textStatus).isZero();
            assertThat(jsonStatus).isZero();
            assertThat(text.toString(StandardCharsets.UTF_8)).contains(
                    "target          127.0.0.1:" + first.port() + ", 127.0.0.1:" + second.port() + "  (run ",
                    "expected        20", "result          OK");
            assertThat(json.toString(StandardCharsets.UTF_8)).contains(
                    "\"targets\":[\"127.0.0.1:" + first.port() + "\",\"127.0.0.1:" + second.port() + "\"]",
                    "\"expected\":20", "\"clean\":true");
        }
    }

}
