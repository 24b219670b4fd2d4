package io.socketchat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.socketchat.config.ChatProperties.Accounts;
import io.socketchat.config.ChatProperties.Accounts.Mode;

import org.junit.jupiter.api.Test;

/** {@code chat.accounts.*}: the three modes, and a clear refusal of anything else. */
class AccountsSettingsTest {

    @Test
    void theThreeModesInAnyCase() {
        assertThat(new Accounts("off", Duration.ofHours(24)).kind()).isEqualTo(Mode.OFF);
        assertThat(new Accounts("Open", Duration.ofHours(24)).kind()).isEqualTo(Mode.OPEN);
        assertThat(new Accounts(" INVITE ", Duration.ofHours(24)).kind()).isEqualTo(Mode.INVITE);
        assertThat(new Accounts("invite", Duration.ofHours(24)).enabled()).isTrue();
        assertThat(new Accounts("off", Duration.ofHours(24)).enabled()).isFalse();
    }

    @Test
    void anUnquotedOffInYamlReadsAsFalseAndStillMeansOff() {
        assertThat(new Accounts("false", Duration.ofHours(24)).kind()).isEqualTo(Mode.OFF);
    }

    @Test
    void anUnknownModeOrAnInviteTtlUnderASecondStopsTheStart() {
        assertThatThrownBy(() -> new Accounts("closed", Duration.ofHours(24)))
            .hasMessage("chat.accounts.mode must be off, open or invite, was \"closed\"");
        assertThatThrownBy(() -> new Accounts("invite", Duration.ZERO))
            .hasMessage("chat.accounts.invite-ttl must be at least 1s, was PT0S");
    }

}
