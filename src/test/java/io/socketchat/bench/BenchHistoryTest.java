package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a newcomer gets as history is history, whether the server says "1 message" or "N
 * messages".
 */
@Timeout(60)
class BenchHistoryTest {

    @Test
    void aOneLineHistoryIsSkippedLikeALongerOne() throws Exception {
        try (RunningServer server = RunningServer.start("--chat.rate-limit=0")) {
            // one public line in the history that, read as a live line, would mark a
            // bench user
            try (LineClient forger = server.join("b1")) {
                forger.send("/me was disconnected (not reading)");
                forger.send("/who");
                forger.expectStartingWith("* 1 user online");
            }
            try (LineClient newcomer = server.connect()) {
                newcomer.expectStartingWith("Welcome to ");
                newcomer.send("carol");
                newcomer.expectStartingWith("Hello carol! ");
                newcomer.expect("-- last 1 message --");
                newcomer.expect("* b1 was disconnected (not reading)");
                newcomer.expect("-- end of history --");
            }

            BenchResult r = new LoadDriver(BenchOptions.builder()
                .port(server.port())
                .clients(3)
                .messages(20)
                .quiet(true)
                .timeLimit(Duration.ofSeconds(30))
                .build(), null, false).run();

            assertThat(r.joined()).isEqualTo(3);
            assertThat(r.readersNotReading()).isZero();
            assertThat(r.delivered()).isEqualTo(3 * 20 * 2).isEqualTo(r.expected());
            assertThat(r.clean()).isTrue();
        }
    }

}
