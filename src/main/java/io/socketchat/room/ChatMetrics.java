package io.socketchat.room;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The chat's meters, as PROTOCOL.md names them. */
public final class ChatMetrics {

    /**
     * Why a client was dropped: the {@code reason} tag of {@code chat.clients.dropped}.
     */
    public enum DropReason {

        NOT_READING("not-reading"), KICKED("kicked"), LOGIN_TIMEOUT("login-timeout"), TOO_MANY_TRIES("too-many-tries"),
        WRONG_PASSWORD("wrong-password"), BANNED("banned");

        private final String tag;

        DropReason(String tag) {
            this.tag = tag;
        }

    }

    private final MeterRegistry registry;

    /**
     * Counted per line and per batch on the hot paths: plain adders, read only when the
     * meters are scraped.
     */
    private final LongAdder received = new LongAdder();

    private final LongAdder delivered = new LongAdder();

    public ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        FunctionCounter.builder("chat.messages.received", received, LongAdder::sum)
            .description("Lines received from joined users")
            .register(registry);
        FunctionCounter.builder("chat.messages.delivered", delivered, LongAdder::sum)
            .description("Lines written to clients")
            .register(registry);
    }

    void usersGauge(Supplier<Number> users) {
        Gauge.builder("chat.users", users).description("Users in the chat").register(registry);
    }

    void received() {
        received.increment();
    }

    void delivered(int lines) {
        delivered.add(lines);
    }

    void rejected(String reason) {
        Counter.builder("chat.connections.rejected")
            .description("Connections turned away")
            .tag("reason", reason)
            .register(registry)
            .increment();
    }

    void dropped(DropReason reason) {
        Counter.builder("chat.clients.dropped")
            .description("Clients disconnected by the server")
            .tag("reason", reason.tag)
            .register(registry)
            .increment();
    }

}
