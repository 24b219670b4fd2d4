package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.socketchat.config.ChatProperties;

import org.junit.jupiter.api.Test;

class WebPropertiesTest {

    @Test
    void originsAreSchemeHostAndPortOrAStar() {
        assertThat(new ChatProperties.Web(true, List.of("https://chat.example.org", "http://10.0.0.5:8080", "*"))
            .allowedOrigins()).hasSize(3);
        assertThat(new ChatProperties.Web(true, null).allowedOrigins()).isEmpty();
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        for (String bad : List.of("chat.example.org", "https://chat.example.org/", "https://x.org/chat",
                "ftp://x.org")) {
            assertThatThrownBy(() -> new ChatProperties.Web(true, List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat.web.allowed-origins")
                .hasMessageContaining(bad);
        }
    }

}
