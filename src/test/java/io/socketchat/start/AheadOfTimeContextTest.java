package io.socketchat.start;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeContextTest {

    @Test
    void theDefaultsAndSettingsThatChooseNoOtherChatBeansUseTheBuiltContext() {
        // the web page is the rest's, which never uses generated code
        assertThat(AheadOfTimeContext.asBuilt(new MockEnvironment())).isTrue();
        assertThat(AheadOfTimeContext.asBuilt(new MockEnvironment().withProperty("chat.port", "9000")
            .withProperty("chat.tls.port", "")
            .withProperty("chat.cluster.enabled", "FALSE")
            .withProperty("chat.web.enabled", "false")
            .withProperty("chat.max-clients", "50"))).isTrue();
    }

    @Test
    void everySettingThatChoosesOtherBeansStartsTheOrdinaryWay() {
        assertThat(AheadOfTimeContext.asBuilt(new MockEnvironment().withProperty("chat.cluster.enabled", "true")))
            .isFalse();
        assertThat(AheadOfTimeContext.asBuilt(new MockEnvironment().withProperty("chat.tls.port", "9443"))).isFalse();
        assertThat(AheadOfTimeContext
            .asBuilt(new MockEnvironment().withProperty("chat.tls.port", "9443").withProperty("chat.port", "-1")))
            .isFalse();
    }

}
