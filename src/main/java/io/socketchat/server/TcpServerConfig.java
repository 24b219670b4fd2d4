package io.socketchat.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.socketchat.config.ChatProperties;
import io.socketchat.room.ChatMetrics;
import io.socketchat.server.InboundOrder.Frame;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Tcp;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;
import org.springframework.integration.ip.tcp.serializer.ByteArrayRawSerializer;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The TCP side: one NIO server connection factory shared by an inbound adapter (lines to the
 * chat) and an outbound adapter (batches of lines to one connection).
 */
@Configuration(proxyBeanMethods = false)
class TcpServerConfig {

    @Bean
    ChatLineDeserializer chatLineDeserializer(InboundOrders orders) {
        return new ChatLineDeserializer(orders);
    }

    /**
     * Outgoing payloads are already LF-terminated lines, batched: they are written as they
     * are ({@link ChatNioConnection#send} writes them straight to the socket, never waiting).
     */
    @Bean
    ByteArrayRawSerializer chatLineSerializer() {
        return new ByteArrayRawSerializer();
    }

    @Bean
    TcpNioServerConnectionFactory chatConnectionFactory(ChatProperties properties,
            ChatLineDeserializer deserializer, ByteArrayRawSerializer serializer) {
        TcpNioServerConnectionFactory factory = new TcpNioServerConnectionFactory(properties.port());
        factory.setLocalAddress(properties.bindAddress());
        factory.setDeserializer(deserializer);
        factory.setSerializer(serializer);
        // one message per read, carrying all the lines it completed, with no per-message id
        factory.setMapper(new FrameMapper());
        factory.setSoTcpNoDelay(true);
        // no reverse DNS per connection: a join must not wait on a resolver
        factory.setLookupHost(false);
        // many friends may join at once
        factory.setBacklog(1024);
        factory.setTaskExecutor(cachedPool("chat-io-"));
        factory.setTcpNioConnectionSupport(ChatNioConnection::new);
        return factory;
    }

    @Bean
    IntegrationFlow chatInbound(TcpNioServerConnectionFactory chatConnectionFactory) {
        // a plain message handler ends the flow: a reply-producing one would log every line it ends
        return IntegrationFlow.from(Tcp.inboundAdapter(chatConnectionFactory))
                .handle(message -> ((Frame) message.getPayload()).deliver())
                .get();
    }

    @Bean
    MessageChannel toClients() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow chatOutbound(MessageChannel toClients, TcpNioServerConnectionFactory chatConnectionFactory) {
        return IntegrationFlow.from(toClients)
                .handle(Tcp.outboundAdapter(chatConnectionFactory))
                .get();
    }

    @Bean
    ChatMetrics chatMetrics(MeterRegistry registry) {
        return new ChatMetrics(registry);
    }

    private static ExecutorService cachedPool(String threadPrefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(threadPrefix);
        threads.setDaemon(true);
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}
