package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socketchat.room.ChatMetrics.DropReason;
import org.junit.jupiter.api.Test;

/**
 * The chat counts from its first connection, before the metrics side exists: what was
 * counted then shows once the meters are bound, and a reason shows only once counted.
 */
class ChatMetricsBindingTest {

    private final ChatMetrics metrics = new ChatMetrics();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsFromBeforeTheBindingShowAfterIt() {
        metrics.received();
        metrics.received();
        metrics.delivered(5);
        metrics.rejected("full");
        metrics.dropped(DropReason.KICKED);

        metrics.bindTo(registry);

        assertThat(registry.get("chat.messages.received").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("chat.messages.delivered").functionCounter().count()).isEqualTo(5);
        assertThat(registry.get("chat.connections.rejected").tag("reason", "full").functionCounter().count())
            .isEqualTo(1);
        assertThat(registry.get("chat.clients.dropped").tag("reason", "kicked").functionCounter().count()).isEqualTo(1);
        assertThat(registry.find("chat.clients.dropped").tag("reason", "banned").functionCounter()).isNull();
    }

    @Test
    void aReasonFirstCountedAfterTheBindingShowsAndKeepsCounting() {
        metrics.bindTo(registry);

        metrics.dropped(DropReason.BANNED);
        metrics.dropped(DropReason.BANNED);
        metrics.rejected("banned");

        assertThat(registry.get("chat.clients.dropped").tag("reason", "banned").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("chat.connections.rejected").tag("reason", "banned").functionCounter().count())
            .isEqualTo(1);
    }

}
