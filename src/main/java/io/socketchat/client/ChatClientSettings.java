package io.socketchat.client;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client connects: {@code chat.host}, {@code chat.port}, {@code chat.connect-timeout}.
 * The same {@code chat.*} names as the server's, so {@code --chat.port=9000} (or
 * {@code CHAT_PORT=9000}) means one port to both sides. Not a {@code @ConfigurationProperties}
 * bean: no context binds it, and the server's metadata already describes {@code chat.port}.
 */
public record ChatClientSettings(
        @DefaultValue("localhost") String host,
        @DefaultValue("9999") int port,
        @DefaultValue("5s") Duration connectTimeout) {
}
