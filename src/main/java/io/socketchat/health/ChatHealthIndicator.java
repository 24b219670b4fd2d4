package io.socketchat.health;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.ChatRoom;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code chat} health component: UP while the TCP server listens (and, with several nodes,
 * Redis is reachable), with who is in.
 */
@Component("chat")
class ChatHealthIndicator implements HealthIndicator {

    private final AbstractServerConnectionFactory connectionFactory;
    private final ChatRoom room;
    private final ChatProperties properties;

    ChatHealthIndicator(AbstractServerConnectionFactory connectionFactory, ChatRoom room, ChatProperties properties) {
        this.connectionFactory = connectionFactory;
        this.room = room;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = connectionFactory.isListening() && room.available() ? Health.up() : Health.down();
        health.withDetail("port", connectionFactory.getPort())
                .withDetail("usersOnline", room.size())
                .withDetail("maxClients", properties.maxClients());
        if (properties.cluster().enabled()) {
            health.withDetails(room.ledgerDetails()).withDetail("usersHere", room.sizeHere()).withDetail("usersAll",
                    room.size());
        }
        return health.build();
    }
}
