package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BouncerTest {

    @Test
    void addressesAreWrittenAsTheTransportWritesThem() {
        assertThat(Bouncer.addressIn("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(Bouncer.addressIn("::1")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(Bouncer.addressIn("2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(Bouncer.addressIn("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bob", "1.2.3", "256.1.1.1", "1.2.3.4.5", "a:b:c", "localhost", "10.0.0.1.", "" })
    void namesAndBrokenAddressesAreNoAddresses(String text) {
        assertThat(Bouncer.addressIn(text)).isNull();
    }

    @Test
    void aBanRunsOutAtItsTime() {
        FrontDesk desk = new FrontDesk();
        desk.bouncer.ban("10.0.0.1", Duration.ofMinutes(2), "");
        desk.clock.advance(Duration.ofSeconds(90));
        assertThat(desk.bouncer.bans()).containsExactly(new Bouncer.BanInForce("10.0.0.1", Duration.ofSeconds(30), ""));
        desk.clock.advance(Duration.ofSeconds(30));
        assertThat(desk.bouncer.bans()).isEmpty();
        assertThat(desk.bouncer.unban("10.0.0.1")).isFalse();
    }

    @Test
    void banningAgainReplacesTheBan() {
        FrontDesk desk = new FrontDesk();
        desk.bouncer.ban("10.0.0.1", Duration.ofMinutes(2), "first");
        desk.bouncer.ban("10.0.0.1", null, "second");
        assertThat(desk.bouncer.bans()).containsExactly(new Bouncer.BanInForce("10.0.0.1", null, "second"));
    }

}
