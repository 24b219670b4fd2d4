package io.socketchat.server;

import io.socketchat.config.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;
import org.springframework.integration.ip.tcp.serializer.ByteArrayRawSerializer;
import org.springframework.stereotype.Component;

/**
 * Makes the chat's NIO listeners, plain or TLS, for the line protocol's ports and for
 * those of another {@link Doorway}: all share the framing deserializer, the raw batch
 * serializer, the reading threads, the connection classes and the writer loops.
 */
@Component
public class ChatListeners {

    private final ChatProperties properties;

    private final ChatLineDeserializer deserializer;

    private final ByteArrayRawSerializer serializer;

    private final ReadThreads readThreads;

    private final ObjectProvider<SslBundles> bundles;

    ChatListeners(ChatProperties properties, ChatLineDeserializer deserializer, ByteArrayRawSerializer serializer,
            ReadThreads readThreads, ObjectProvider<SslBundles> bundles) {
        this.properties = properties;
        this.deserializer = deserializer;
        this.serializer = serializer;
        this.readThreads = readThreads;
        this.bundles = bundles;
    }

    public TcpNioServerConnectionFactory plain(int port) {
        TcpNioServerConnectionFactory factory = listener(port);
        factory.setTcpNioConnectionSupport(ChatNioConnection::new);
        return factory;
    }

    /** With the certificate of the SSL bundle named by {@code chat.tls.bundle}. */
    public TcpNioServerConnectionFactory tls(int port) {
        TcpNioServerConnectionFactory factory = listener(port);
        factory.setTcpNioConnectionSupport(ChatTlsConnectionSupport.of(bundles, properties.tls().bundle()));
        return factory;
    }

    private TcpNioServerConnectionFactory listener(int port) {
        TcpNioServerConnectionFactory factory = new TcpNioServerConnectionFactory(port);
        factory.setLocalAddress(properties.bindAddress());
        factory.setDeserializer(deserializer);
        factory.setSerializer(serializer);
        // one message per read, carrying all the lines it completed, with no per-message
        // id
        factory.setMapper(new FrameMapper());
        factory.setSoTcpNoDelay(true);
        // no reverse DNS per connection: a join must not wait on a resolver
        factory.setLookupHost(false);
        // many friends may join at once
        factory.setBacklog(1024);
        factory.setTaskExecutor(readThreads.executor());
        return factory;
    }

}
