package io.socketchat.health;

import java.util.List;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.ChatRoom;
import io.socketchat.server.ListenerPort;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code chat} health component: UP while the TCP server listens (plain and TLS port)
 * and, with several nodes, Redis is reachable; with who is in.
 */
@Component("chat")
class ChatHealthIndicator implements HealthIndicator {

    private final List<AbstractServerConnectionFactory> listeners;

    private final ChatRoom room;

    private final ChatProperties properties;

    ChatHealthIndicator(List<AbstractServerConnectionFactory> listeners, ChatRoom room, ChatProperties properties) {
        this.listeners = listeners;
        this.room = room;
        this.properties = properties;
    }

    @Override
    public Health health() {
        boolean listening = listeners.stream().allMatch(AbstractServerConnectionFactory::isListening);
        Health.Builder health = listening && room.available() ? Health.up() : Health.down();
        for (AbstractServerConnectionFactory listener : listeners) {
            health.withDetail(ListenerPort.detailName(listener), ListenerPort.of(listener));
        }
        health.withDetail("usersOnline", room.size()).withDetail("maxClients", properties.maxClients());
        if (properties.cluster().enabled()) {
            health.withDetails(room.ledgerDetails())
                .withDetail("usersHere", room.sizeHere())
                .withDetail("usersAll", room.size());
        }
        return health.build();
    }

}
