package io.socketchat.room;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.InboundLine;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A Reception with its room, doors and bouncer, on a fake transport, a manual scheduler
 * and a clock of the test's.
 */
final class FrontDesk {

    final FakeConnections connections = new FakeConnections();

    final ManualScheduler scheduler = new ManualScheduler();

    final MutableClock clock = new MutableClock();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    final ChatProperties properties;

    final ChatRoom room;

    final Doors doors;

    final Bouncer bouncer;

    final Reception reception;

    private int connectionIds;

    /**
     * @param settings {@code key=value} pairs under {@code chat.}, e.g.
     * {@code max-pending=2}
     */
    FrontDesk(String... settings) {
        Map<String, String> values = new HashMap<>();
        for (String setting : settings) {
            String[] keyAndValue = setting.split("=", 2);
            values.put("chat." + keyAndValue[0], keyAndValue[1]);
        }
        properties = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("chat", ChatProperties.class);
        ChatMetrics metrics = new ChatMetrics(registry);
        room = new ChatRoom(properties, metrics, new LocalLedger());
        doors = new Doors(room);
        bouncer = new Bouncer(room, doors, metrics, clock);
        reception = new Reception(properties, room, doors, bouncer, metrics, scheduler, clock);
    }

    Session arrive(String address) {
        return reception.arrived("connection-" + (++connectionIds), address, connections);
    }

    /** A user in the chat, from the address. */
    Session join(String address, String name) {
        Session session = arrive(address);
        send(session, name);
        return session;
    }

    void send(Session session, String line) {
        reception.lineFrom(session, new InboundLine.Text(line));
    }

    String lastLine(Session session) {
        return connections.lastLineOf(session.connectionId());
    }

    boolean isClosed(Session session) {
        return connections.isClosed(session.connectionId());
    }

    /**
     * The connection closes (the client left); the transport reports it once all its
     * lines are handled.
     */
    void close(Session session) {
        reception.departed(session);
    }

    double rejected(String reason) {
        FunctionCounter counter = registry.find("chat.connections.rejected").tag("reason", reason).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    double dropped(String reason) {
        FunctionCounter counter = registry.find("chat.clients.dropped").tag("reason", reason).functionCounter();
        return counter == null ? 0 : counter.count();
    }

}
