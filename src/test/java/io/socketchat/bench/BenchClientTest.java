package io.socketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchClientTest {

    @Test
    void aConnectedSenderHasEveryUnrefusedMessageAccepted() {
        BenchClient c = new BenchClient(0, "b0", false);
        c.state = BenchClient.State.JOINED;
        c.sent = 10;
        c.refused = 2;

        assertThat(c.accepted()).isEqualTo(8);
    }

    @Test
    void aDroppedSenderCountsOnlyUpToTheHighestNumberAnyoneReceived() {
        BenchClient c = new BenchClient(0, "b0", false);
        c.state = BenchClient.State.CLOSED;
        c.sent = 10;
        c.highestSeen = 6;

        assertThat(c.accepted()).isEqualTo(7);

        c.highestSeen = -1;
        assertThat(c.accepted()).isZero();
    }

}
