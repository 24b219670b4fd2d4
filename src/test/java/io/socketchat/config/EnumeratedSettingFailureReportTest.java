package io.socketchat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.ProgramRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A switch or an enumerated setting given a value it does not take, from the command line
 * or application.yml: Spring Boot's report lists the values it takes.
 */
class EnumeratedSettingFailureReportTest {

    @TempDir
    Path workDir;

    @Test
    void aSwitchOnTheCommandLine() {
        ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=0",
                "--chat.bind-address=127.0.0.1", "--chat.cluster.enabled=maybe");

        server.failedWithReport(
                "chat.cluster.enabled is set to \"maybe\" on the command line, which is not one of its values: true,"
                        + " false.",
                "Set chat.cluster.enabled to true or false, on the command line (--chat.cluster.enabled=true) or in"
                        + " application.yml.");
    }

    @Test
    void aSwitchInApplicationYml() throws Exception {
        Files.writeString(workDir.resolve("application.yml"), "chat:\n  web:\n    enabled: sometimes\n");

        ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=0",
                "--chat.bind-address=127.0.0.1");

        server.failedWithReport(
                "chat.web.enabled is set to \"sometimes\" in application.yml, line 3, which is not one of its"
                        + " values: true, false.",
                "Set chat.web.enabled to true or false, on the command line (--chat.web.enabled=true) or in"
                        + " application.yml.");
    }

    /** Spring Boot's own enumerated settings get the same report. */
    @Test
    void aLogLevelThatIsNone() {
        ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=0",
                "--chat.bind-address=127.0.0.1", "--logging.level.root=LOUD");

        server.failedWithReport(
                "logging.level.root is set to \"LOUD\" on the command line, which is not one of its values: trace,"
                        + " debug, info, warn, error, fatal, off.",
                "Set logging.level.root to one of trace, debug, info, warn, error, fatal, off, on the command line"
                        + " (--logging.level.root=trace) or in application.yml.");
    }

    @Test
    void anEnumsValuesAreWrittenAsInSettings() {
        assertThat(EnumeratedSettingFailureAnalyzer.values(TimeUnit.class)).contains("seconds", "milliseconds");
        assertThat(EnumeratedSettingFailureAnalyzer.values(Boolean.class)).containsExactly("true", "false");
        assertThat(EnumeratedSettingFailureAnalyzer.values(int.class)).isEmpty();
    }

}
