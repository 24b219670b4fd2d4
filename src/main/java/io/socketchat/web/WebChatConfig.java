package io.socketchat.web;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.Reception;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.websocket.ServerWebSocketContainer;
import org.springframework.integration.websocket.inbound.WebSocketInboundChannelAdapter;
import org.springframework.integration.websocket.outbound.WebSocketOutboundMessageHandler;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The web side: a WebSocket at {@code /chat} on the HTTP port, with an inbound adapter
 * (frames to the chat) and an outbound adapter (lines to one browser), feeding the same
 * reception and room as the TCP adapters. The page itself is static (classpath
 * {@code static/}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "chat.web", name = "enabled", matchIfMissing = true)
class WebChatConfig {

    /** Longest a browser may take to accept one frame before it counts as gone. */
    static final int SEND_TIME_LIMIT_MILLIS = 10_000;

    /**
     * Tomcat closes a text message longer than its buffer (1009); the smallest buffer it
     * gets.
     */
    private static final int MIN_TEXT_BUFFER_CHARS = 64 * 1024;

    @Bean
    MessageChannel toBrowsers() {
        return new DirectChannel();
    }

    @Bean
    BrowserConnections browserConnections(Reception reception, @Qualifier("toBrowsers") MessageChannel toBrowsers,
            ChatProperties properties) {
        return new BrowserConnections(reception, new BrowserWriters(toBrowsers, browserWriterThreads(properties)),
                properties.maxLineBytes());
    }

    /**
     * One per browser the chat admits at once (in the chat or choosing a name), at most
     * 256.
     */
    private static int browserWriterThreads(ChatProperties properties) {
        return Math.min(256, properties.maxClients() + properties.maxPending());
    }

    @Bean
    ServerWebSocketContainer chatWebSocket(ChatProperties properties, BrowserConnections connections) {
        ServerWebSocketContainer container = new ServerWebSocketContainer("/chat");
        // none listed: the page's own origin only (Spring's origin check); listed: those
        // too
        if (!properties.web().allowedOrigins().isEmpty()) {
            container.setAllowedOrigins(properties.web().allowedOrigins().toArray(String[]::new));
        }
        container.setSendTimeLimit(SEND_TIME_LIMIT_MILLIS);
        container
            .setDecoratorFactories(handler -> new BrowserSessionEvents(handler, connections, SEND_TIME_LIMIT_MILLIS));
        return container;
    }

    /**
     * Frames longer than a line may be are answered like long TCP lines, not closed by
     * Tomcat: its text buffer is raised well past {@code chat.max-line-bytes}.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketServerContainer(ChatProperties properties) {
        ServletServerContainerFactoryBean factory = new ServletServerContainerFactoryBean();
        factory.setMaxTextMessageBufferSize(Math.max(MIN_TEXT_BUFFER_CHARS, 4 * properties.maxLineBytes()));
        return factory;
    }

    @Bean
    IntegrationFlow browserInbound(ServerWebSocketContainer chatWebSocket, BrowserConnections connections) {
        return IntegrationFlow.from(new WebSocketInboundChannelAdapter(chatWebSocket))
            .handle(message -> connections.frame(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()),
                    (String) message.getPayload()))
            .get();
    }

    @Bean
    IntegrationFlow browserOutbound(@Qualifier("toBrowsers") MessageChannel toBrowsers,
            ServerWebSocketContainer chatWebSocket) {
        return IntegrationFlow.from(toBrowsers).handle(new WebSocketOutboundMessageHandler(chatWebSocket)).get();
    }

}
