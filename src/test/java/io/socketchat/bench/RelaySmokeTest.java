package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Short runs of the whole tool against the bundled relay, with exact counts. */
@Timeout(60)
class RelaySmokeTest {

    private RelaySink relay;

    @BeforeEach
    void startRelay() throws Exception {
        relay = RelaySink.start("127.0.0.1", 0, null, 8L << 20);
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    private BenchOptions.Builder options() {
        return BenchOptions.builder().port(relay.port()).quiet(true).timeLimit(Duration.ofSeconds(30));
    }

    private static BenchResult run(BenchOptions options) throws Exception {
        return new LoadDriver(options, null, false).run();
    }

    @Test
    void fullSpeedRunAccountsForEveryDelivery() throws Exception {
        BenchResult r = run(options().clients(5).messages(100).build());

        assertThat(r.joined()).isEqualTo(5);
        assertThat(r.sent()).isEqualTo(500);
        assertThat(r.expected()).isEqualTo(2000);
        assertThat(r.delivered()).isEqualTo(2000);
        assertThat(r.lost()).isZero();
        assertThat(r.duplicated()).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.latencyCount()).isEqualTo(2000);
        assertThat(r.latencyMax()).isPositive();
        assertThat(r.clean()).isTrue();
        assertThat(relay.relayed()).isEqualTo(500);
    }

    @Test
    void pacedRunWithATinyWindowStillDeliversEverything() throws Exception {
        BenchResult r = run(options().clients(4).messages(60).rate(2000).payload(200).build());
        BenchResult w = run(options().clients(4).messages(60).window(1).build());

        assertThat(r.delivered()).isEqualTo(4 * 60 * 3).isEqualTo(r.expected());
        assertThat(w.delivered()).isEqualTo(4 * 60 * 3).isEqualTo(w.expected());
        assertThat(r.clean()).isTrue();
        assertThat(w.clean()).isTrue();
    }

    @Test
    void silentClientsNeitherSendNorCount() throws Exception {
        BenchResult r = run(options().clients(5).silent(2).messages(50).build());

        assertThat(r.joined()).isEqualTo(5);
        assertThat(r.senders()).isEqualTo(3);
        assertThat(r.silent()).isEqualTo(2);
        assertThat(r.sent()).isEqualTo(150);
        assertThat(r.expected()).isEqualTo(3 * 100);
        assertThat(r.delivered()).isEqualTo(300);
        assertThat(r.silentDisconnected()).isZero();
    }

    @Test
    void idleModeJoinsAndHolds() throws Exception {
        BenchResult r = run(options().clients(60).idle(true).hold(Duration.ofMillis(100)).concurrentJoins(7).build());

        assertThat(r.joined()).isEqualTo(60);
        assertThat(r.sent()).isZero();
        assertThat(r.clean()).isTrue();
        assertThat(r.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void aPasswordIsAnsweredAndItsAbsenceReported() throws Exception {
        try (RelaySink locked = RelaySink.start("127.0.0.1", 0, "s3cret", 1L << 20)) {
            BenchResult ok = run(options().port(locked.port()).clients(3).messages(10).password("s3cret").build());
            BenchResult refused = run(options().port(locked.port()).clients(2).messages(10).build());

            assertThat(ok.joined()).isEqualTo(3);
            assertThat(ok.delivered()).isEqualTo(60);
            assertThat(refused.joined()).isZero();
            assertThat(refused.failures()).containsEntry("the server asks for a password (--password)", 2);
        }
    }

    @Test
    void theCommandLinePrintsOneJsonLineAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BenchApplication.run(
                new String[] { "bench", "--port", String.valueOf(relay.port()), "-c", "3", "-n", "20", "--json",
                        "--time-limit", "20s" },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(status).isEqualTo(BenchApplication.OK);
        assertThat(json.lines()).hasSize(1);
        assertThat(json).startsWith("{")
            .endsWith("}")
            .contains("\"joined\":3", "\"sent\":60", "\"expected\":120", "\"delivered\":120", "\"lost\":0",
                    "\"duplicated\":0", "\"outOfOrder\":0", "\"clean\":true");
    }

    @Test
    void theTextReportNamesEveryFigure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BenchApplication.run(new String[] { "--port=" + relay.port(), "-c", "2", "-n", "5", "--quiet" },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("joined", "2/2", "sent", "expected", "delivered",
                "lost", "duplicated", "out of order", "deliveries/s", "p50", "p99", "p99.9", "max",
                "result          OK");
    }

    @Test
    void nothingListeningMeansExitOneAndBadOptionsExitTwo() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(BenchApplication.run(new String[] { "--port=" + freePort, "-c", "2", "--quiet" }, sink, sink))
            .isEqualTo(BenchApplication.NO_JOIN);
        assertThat(BenchApplication.run(new String[] { "--clients=-1" }, sink, sink)).isEqualTo(BenchApplication.USAGE);
    }

}
