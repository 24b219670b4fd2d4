package io.socketchat.room;

import java.util.EnumMap;
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

    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    private volatile Supplier<Number> users = () -> 0;

    private volatile MeterRegistry registry;

    public ChatMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    /** Counts and binds to the registry at once (for tests). */
    public ChatMetrics(MeterRegistry registry) {
        this();
        bindTo(registry);
    }

    /**
     * Registers the meters; a rejection or drop reason appears once it has been counted.
     */
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        FunctionCounter.builder("chat.messages.received", received, LongAdder::sum)
            .description("Lines received from joined users")
            .register(registry);
        FunctionCounter.builder("chat.messages.delivered", delivered, LongAdder::sum)
            .description("Lines written to clients")
            .register(registry);
        Gauge.builder("chat.users", () -> users.get()).description("Users in the chat").register(registry);
        rejected.forEach((reason, count) -> registerRejected(registry, reason, count));
        dropped.forEach((reason, count) -> {
            if (count.sum() > 0) {
                registerDropped(registry, reason, count);
            }
        });
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
        LongAdder count = rejected.computeIfAbsent(reason, any -> new LongAdder());
        count.increment();
        MeterRegistry bound = registry;
        if (bound != null) {
            // registering again finds the meter already there; registering after the
            // count was added, a reason first seen while binding is never missed
            registerRejected(bound, reason, count);
        }
    }

    void dropped(DropReason reason) {
        LongAdder count = dropped.get(reason);
        count.increment();
        MeterRegistry bound = registry;
        if (bound != null) {
            // registering again finds the meter already there
            registerDropped(bound, reason, count);
        }
    }

    private static void registerRejected(MeterRegistry registry, String reason, LongAdder count) {
        FunctionCounter.builder("chat.connections.rejected", count, LongAdder::sum)
            .description("Connections turned away")
            .tag("reason", reason)
            .register(registry);
    }

    private static void registerDropped(MeterRegistry registry, DropReason reason, LongAdder count) {
        FunctionCounter.builder("chat.clients.dropped", count, LongAdder::sum)
            .description("Clients disconnected by the server")
            .tag("reason", reason.tag)
            .register(registry);
    }

}
