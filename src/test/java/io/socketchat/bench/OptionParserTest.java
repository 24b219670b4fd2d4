package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionParserTest {

    @Test
    void defaultsAreLoopbackAndBounded() {
        BenchOptions o = OptionParser.parse().options();

        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(9999);
        assertThat(o.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.rate()).isZero();
        assertThat(o.json()).isFalse();
    }

    @Test
    void readsBothFormsShortOptionsAndSkipsTheLaunchArguments() {
        OptionParser.Parsed p = OptionParser.parse("bench", "--spring.profiles.active=bench", "--host", "::1",
                "--port=7000", "-c", "12", "-n", "34", "--rate=500", "--payload", "128", "--silent=2", "--password",
                "s3cret", "--time-limit=1.5s", "--settle", "250ms", "--pid=42", "--json", "--quiet");
        BenchOptions o = p.options();

        assertThat(p.action()).isEqualTo(OptionParser.Action.RUN);
        assertThat(o.host()).isEqualTo("::1");
        assertThat(o.port()).isEqualTo(7000);
        assertThat(o.clients()).isEqualTo(12);
        assertThat(o.messages()).isEqualTo(34);
        assertThat(o.rate()).isEqualTo(500);
        assertThat(o.payload()).isEqualTo(128);
        assertThat(o.silent()).isEqualTo(2);
        assertThat(o.senders()).isEqualTo(10);
        assertThat(o.password()).isEqualTo("s3cret");
        assertThat(o.timeLimit()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.settle()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.pid()).isEqualTo(42);
        assertThat(o.json()).isTrue();
        assertThat(o.quiet()).isTrue();
    }

    @Test
    void explicitOptionsOverrideTheScenarioInAnyOrder() {
        BenchOptions o = OptionParser.parse("--clients=7", "--scenario", "s5").options();

        assertThat(o.scenario()).isEqualTo(Scenario.S5);
        assertThat(o.clients()).isEqualTo(7);
        assertThat(o.silent()).isEqualTo(2);
        assertThat(o.rate()).isEqualTo(5000);
        assertThat(o.payload()).isEqualTo(400);
    }

    @Test
    void scenarioPresetsMatchTheIssue() {
        assertThat(OptionParser.parse("--scenario=S1").options()).extracting("clients", "messages", "rate")
            .containsExactly(5, 2000, 0);
        assertThat(OptionParser.parse("--scenario=S2").options()).extracting("clients", "messages", "rate")
            .containsExactly(100, 100, 0);
        assertThat(OptionParser.parse("--scenario=S3").options()).extracting("clients", "messages", "rate")
            .containsExactly(100, 100, 1000);
        BenchOptions s4 = OptionParser.parse("--scenario=S4").options();
        assertThat(s4.idle()).isTrue();
        assertThat(s4.clients()).isEqualTo(2000);
        assertThat(s4.senders()).isZero();
    }

    @Test
    void relayAndHelp() {
        OptionParser.Parsed relay = OptionParser.parse("--relay", "--port", "7001");
        assertThat(relay.action()).isEqualTo(OptionParser.Action.RELAY);
        assertThat(relay.options().timeLimit()).isEqualTo(Duration.ofMinutes(10));
        assertThat(OptionParser.parse("--port", "1", "--help").action()).isEqualTo(OptionParser.Action.HELP);
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> OptionParser.parse("--bogus=1")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> OptionParser.parse("--bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> OptionParser.parse("--clients=0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> OptionParser.parse("--clients")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> OptionParser.parse("--rate=fast")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> OptionParser.parse("--time-limit=soon")).hasMessageContaining("duration");
        assertThatThrownBy(() -> OptionParser.parse("--time-limit=0")).hasMessageContaining("--time-limit");
        assertThatThrownBy(() -> OptionParser.parse("--silent=11")).hasMessageContaining("--silent");
        assertThatThrownBy(() -> OptionParser.parse("--scenario=S9")).hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> OptionParser.parse("stray")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> OptionParser.parse("--name-prefix=bad name")).hasMessageContaining("--name-prefix");
    }

}
