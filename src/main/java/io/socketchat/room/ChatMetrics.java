package io.socketchat.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The chat's meters, as PROTOCOL.md names them. The chat counts from its first connection
 * on; the meters are bound to a registry when the health and metrics side has started
 * ({@link #bindTo}), which is after the chat port opens, and show what was counted before
 * that too.
 */
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

    /**
     * Counted per line and per batch on the hot paths: plain adders, read only when the
     * meters are scraped.
     */
    private final LongAdder received = new LongAdder();

    private final LongAdder delivered = new LongAdder();

    private final PerReason rejected = new PerReason("chat.connections.rejected", "Connections turned away");

    private final PerReason dropped = new PerReason("chat.clients.dropped", "Clients disconnected by the server");

    private volatile Supplier<Number> users = () -> 0;

    public ChatMetrics() {
    }

    /** Counts and binds to the registry at once (for tests). */
    public ChatMetrics(MeterRegistry registry) {
        bindTo(registry);
    }

    /**
     * Registers the meters; a rejection or drop reason appears once it has been counted.
     */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("chat.messages.received", received, LongAdder::sum)
            .description("Lines received from joined users")
            .register(registry);
        FunctionCounter.builder("chat.messages.delivered", delivered, LongAdder::sum)
            .description("Lines written to clients")
            .register(registry);
        Gauge.builder("chat.users", () -> users.get()).description("Users in the chat").register(registry);
        rejected.bindTo(registry);
        dropped.bindTo(registry);
    }

    void usersGauge(Supplier<Number> users) {
        this.users = users;
    }

    void received() {
        received.increment();
    }

    void delivered(int lines) {
        delivered.add(lines);
    }

    void rejected(String reason) {
        rejected.count(reason);
    }

    void dropped(DropReason reason) {
        dropped.count(reason.tag);
    }

    /**
     * One counter per {@code reason} tag, each registered once its reason is first
     * counted.
     */
    private static final class PerReason {

        private final String name;

        private final String description;

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        private volatile MeterRegistry registry;

        PerReason(String name, String description) {
            this.name = name;
            this.description = description;
        }

        void bindTo(MeterRegistry registry) {
            this.registry = registry;
            counts.forEach((reason, count) -> register(registry, reason, count));
        }

        void count(String reason) {
            LongAdder count = counts.computeIfAbsent(reason, any -> new LongAdder());
            count.increment();
            MeterRegistry bound = registry;
            if (bound != null) {
                // registering again finds the meter already there; registering after the
                // count was added, a reason first seen while binding is never missed
                register(bound, reason, count);
            }
        }

        private void register(MeterRegistry registry, String reason, LongAdder count) {
            FunctionCounter.builder(name, count, LongAdder::sum)
                .description(description)
                .tag("reason", reason)
                .register(registry);
        }

    }

}
