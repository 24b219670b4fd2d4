package io.socketchat.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.socketchat.support.ProgramRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --help} (or {@code -h}) for each of the jar's programs, as a user types it: the
 * usage, and nothing started (no log line, no port), status 0.
 */
class HelpTest {

    @TempDir
    Path workDir;

    @Test
    void theServersHelpNamesTheThreeProgramsAndTheManual() {
        for (String help : new String[] { "--help", "-h" }) {
            ProgramRun run = ProgramRun.main(workDir, help);

            assertThat(run.output()).as(help).isEqualTo(JarHelp.TEXT.lines().toList());
            assertThat(run.status()).as(help).isZero();
        }
        assertThat(JarHelp.TEXT).contains("java -jar socket-chat.jar [--key=value ...]",
                "java -jar socket-chat.jar client", "java -jar socket-chat.jar bench", "docs/operating.md");
    }

    @Test
    void helpAmongSettingsStartsNothingEither() {
        ProgramRun run = ProgramRun.main(workDir, "--chat.port=0", "--help");

        assertThat(run.output()).isEqualTo(JarHelp.TEXT.lines().toList());
        assertThat(run.status()).isZero();
    }

    @Test
    void theClientsHelp() {
        for (String help : new String[] { "--help", "-h" }) {
            ProgramRun run = ProgramRun.main(workDir, "client", help);

            assertThat(run.output()).as(help)
                .startsWith("Usage: java -jar socket-chat.jar client [--key=value ...]")
                .contains("  --chat.host=HOST             the server (default localhost)")
                // and nothing after it: no connection tried
                .endsWith("Keys, scripts and more: docs/client.md beside the sources.");
            assertThat(run.status()).as(help).isZero();
        }
    }

    @Test
    void theBenchmarksHelp() {
        for (String help : new String[] { "--help", "-h" }) {
            ProgramRun run = ProgramRun.main(workDir, "bench", help);

            assertThat(run.output()).as(help)
                .startsWith("Usage: java -jar socket-chat.jar bench [options]")
                .contains("  --scenario S1..S5       preset: S1 5x2000 max rate, S2 100x100 max rate, S3 100 clients"
                        + " 1000 msg/s 10 s,")
                // and nothing after it: no run, no report
                .endsWith("How it counts, the scenarios and sample reports: docs/bench.md beside the sources.");
            assertThat(run.status()).as(help).isZero();
        }
    }

}
