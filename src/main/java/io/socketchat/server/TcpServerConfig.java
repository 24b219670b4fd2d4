package io.socketchat.server;

import java.util.List;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.ChatMetrics;
import io.socketchat.server.InboundOrder.Frame;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;
import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;
import org.springframework.integration.ip.tcp.outbound.TcpSendingMessageHandler;
import org.springframework.integration.ip.tcp.serializer.ByteArrayRawSerializer;
import org.springframework.messaging.MessageChannel;

/**
 * The TCP side: a NIO server connection factory for the plain port and one for the TLS
 * port, both feeding one inbound flow (lines to the chat) and served by one outbound
 * adapter (batches of lines to one connection), with reading threads of a fixed number
 * ({@link ReadThreads}).
 */
@Configuration(proxyBeanMethods = false)
class TcpServerConfig {

    @Bean
    ChatLineDeserializer chatLineDeserializer(InboundOrders orders) {
        return new ChatLineDeserializer(orders);
    }

    /**
     * Outgoing payloads are already LF-terminated lines, batched: they are written as
     * they are ({@link ChatNioConnection#send} writes them straight to the socket, never
     * waiting).
     */
    @Bean
    ByteArrayRawSerializer chatLineSerializer() {
        return new ByteArrayRawSerializer();
    }

    /** The plain port, unless {@code chat.port=-1}. */
    @Bean
    @ConditionalOnExpression("'${chat.port:9999}' != '-1'")
    TcpNioServerConnectionFactory chatConnectionFactory(ChatProperties properties, ChatListeners listeners) {
        return listeners.plain(properties.port());
    }

    /**
     * The TLS port, when {@code chat.tls.port} is set: same lines, same room, same
     * writers.
     */
    @Bean
    @ConditionalOnExpression("'${chat.tls.port:}' != ''")
    TcpNioServerConnectionFactory chatTlsConnectionFactory(ChatProperties properties, ChatListeners listeners) {
        return listeners.tls(properties.tls().port());
    }

    @Bean
    ReadThreads readThreads(ChatProperties properties) {
        return new ReadThreads(properties);
    }

    /**
     * Where every port's inbound adapter sends its frames: straight on to the chat. Each
     * frame goes to the {@link InboundOrder} it came from, which already orders, hands on
     * and guards every line, so a dispatching channel and a handler would only add work
     * per read.
     */
    @Bean
    public MessageChannel fromClients() {
        return (message, timeout) -> {
            ((Frame) message.getPayload()).deliver();
            return true;
        };
    }

    @Bean
    @ConditionalOnExpression("'${chat.port:9999}' != '-1'")
    TcpReceivingChannelAdapter plainInbound(TcpNioServerConnectionFactory chatConnectionFactory,
            MessageChannel fromClients) {
        return inbound(chatConnectionFactory, fromClients);
    }

    @Bean
    @ConditionalOnExpression("'${chat.tls.port:}' != ''")
    TcpReceivingChannelAdapter tlsInbound(TcpNioServerConnectionFactory chatTlsConnectionFactory,
            MessageChannel fromClients) {
        return inbound(chatTlsConnectionFactory, fromClients);
    }

    static TcpReceivingChannelAdapter inbound(TcpNioServerConnectionFactory listener, MessageChannel fromClients) {
        TcpReceivingChannelAdapter adapter = new TcpReceivingChannelAdapter();
        adapter.setConnectionFactory(listener);
        adapter.setOutputChannel(fromClients);
        return adapter;
    }

    /**
     * One outbound adapter for both ports: it finds a connection by id whichever port it
     * came in on. The writer loops hand it their batches ({@link SocketWriters}).
     */
    @Bean
    TcpSendingMessageHandler chatSender(List<AbstractServerConnectionFactory> listeners) {
        TcpSendingMessageHandler sender = new TcpSendingMessageHandler();
        sender.setConnectionFactory(listeners.get(0));
        listeners.stream().skip(1).forEach(listener -> listener.registerSender(sender));
        return sender;
    }

    @Bean
    ChatMetrics chatMetrics() {
        return new ChatMetrics();
    }

}
