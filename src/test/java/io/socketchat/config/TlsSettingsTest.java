package io.socketchat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

/** {@code chat.tls.*} and {@code chat.port=-1}, bound as Spring Boot binds them. */
class TlsSettingsTest {

    @Test
    void noTlsPortByDefault() {
        ChatProperties properties = bind(Map.of());
        assertThat(properties.tls().enabled()).isFalse();
        assertThat(properties.tls().bundle()).isEqualTo("chat");
        assertThat(properties.hasPlainPort()).isTrue();
    }

    @Test
    void aTlsPortWithTheBundleItNames() {
        ChatProperties properties = bind(Map.of("chat.tls.port", "9443", "chat.tls.bundle", "public"));
        assertThat(properties.tls().enabled()).isTrue();
        assertThat(properties.tls().port()).isEqualTo(9443);
        assertThat(properties.tls().bundle()).isEqualTo("public");
    }

    @Test
    void thePlainPortOffWithTlsOn() {
        ChatProperties properties = bind(Map.of("chat.port", "-1", "chat.tls.port", "9443"));
        assertThat(properties.hasPlainPort()).isFalse();
    }

    @Test
    void thePlainPortOffWithoutTlsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> bind(Map.of("chat.port", "-1"))).isInstanceOf(BindException.class)
            .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .isEqualTo("chat.port=-1 turns the plain port off; set chat.tls.port to serve TLS instead"));
    }

    @Test
    void anImpossibleTlsPortIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("chat.tls.port", "70000")))
            .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .isEqualTo("chat.tls.port must be between 0 and 65535, was 70000"));
    }

    private static ChatProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("chat", ChatProperties.class);
    }

}
