package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void joinsTheLocalServerByDefault() {
        assertThat(ChatClientApplication.settings("--spring.profiles.active=client"))
            .isEqualTo(new ChatClientSettings("localhost", 9999, Duration.ofSeconds(5)));
    }

    @Test
    void hostPortAndTimeoutComeFromTheArguments() {
        assertThat(ChatClientApplication.settings("--chat.host=chat.example", "--chat.port=9000",
                "--chat.connect-timeout=2s"))
            .isEqualTo(new ChatClientSettings("chat.example", 9000, Duration.ofSeconds(2)));
    }

    @Test
    void aBadValueIsNamedInOneLine() {
        assertThatThrownBy(() -> ChatClientApplication.settings("--chat.port=nine"))
            .satisfies(failure -> assertThat(SettingsProblem.describe(failure))
                .isEqualTo("Invalid setting chat.port=nine: For input string: \"nine\""));
    }

}
