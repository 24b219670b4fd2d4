package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.start.ServerStart;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/**
 * A short run of the tool against the project's own server: exact counts, no speed
 * asserted.
 */
@Timeout(120)
class ServerSmokeTest {

    private static ConfigurableApplicationContext server;

    private static int port;

    @BeforeAll
    static void startServer() {
        server = ServerStart.run("--chat.port=0", "--chat.bind-address=127.0.0.1", "--management.server.port=0",
                "--server.port=0", "--chat.console.enabled=false", "--chat.rate-limit=0", "--chat.max-clients=50",
                // every simulated user comes from 127.0.0.1
                "--chat.max-connections-per-address=0", "--logging.level.root=WARN");
        port = server.getBean("chatConnectionFactory", AbstractServerConnectionFactory.class).getPort();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            ServerStart.whole(server).close();
        }
    }

    private static BenchOptions.Builder options() {
        return BenchOptions.builder()
            .port(port)
            .quiet(true)
            .timeLimit(Duration.ofSeconds(30))
            .settle(Duration.ofSeconds(5));
    }

    private static BenchResult run(BenchOptions.Builder options) throws Exception {
        return new LoadDriver(options.build(), null, false).run();
    }

    @Test
    void fullSpeedRoomGetsEveryLineOnceAndInOrder() throws Exception {
        BenchResult r = run(options().clients(5).messages(100).namePrefix("full"));

        assertThat(r.joined()).isEqualTo(5);
        assertThat(r.sent()).isEqualTo(500);
        assertThat(r.refused()).isZero();
        assertThat(r.expected()).isEqualTo(2000);
        assertThat(r.delivered()).isEqualTo(2000);
        assertThat(r.duplicated()).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.clean()).isTrue();
    }

    @Test
    void pacedRunWithBigPayloads() throws Exception {
        BenchResult r = run(options().clients(4).messages(50).rate(1000).payload(400).namePrefix("paced"));

        assertThat(r.delivered()).isEqualTo(4 * 50 * 3).isEqualTo(r.expected());
        assertThat(r.clean()).isTrue();
    }

    @Test
    void idleClientsJoinAndHold() throws Exception {
        BenchResult r = run(options().clients(20).idle(true).hold(Duration.ofMillis(200)).namePrefix("idle"));

        assertThat(r.joined()).isEqualTo(20);
        assertThat(r.failures()).isEmpty();
    }

}
