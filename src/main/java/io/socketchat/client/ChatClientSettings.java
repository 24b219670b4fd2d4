package io.socketchat.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client connects. Shares the {@code chat.*} prefix with the server on purpose:
 * a {@code chat.port} set once in {@code application.yml} or {@code CHAT_PORT} serves both.
 */
@ConfigurationProperties("chat")
public record ChatClientSettings(
        @DefaultValue("localhost") String host,
        @DefaultValue("9999") int port,
        @DefaultValue("5s") Duration connectTimeout) {
}
