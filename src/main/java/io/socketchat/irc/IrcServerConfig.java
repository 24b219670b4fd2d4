package io.socketchat.irc;

import io.socketchat.config.ChatProperties;
import io.socketchat.server.ChatListeners;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;
import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;
import org.springframework.messaging.MessageChannel;

/**
 * The IRC ports, when set: NIO listeners of their own (plain and TLS, with the TLS port's
 * certificate), made like the chat ports, whose inbound adapters feed the same channel;
 * the chat's one outbound adapter and writer loops serve them too.
 */
@Configuration(proxyBeanMethods = false)
class IrcServerConfig {

    static final String PLAIN = "ircConnectionFactory";

    static final String TLS = "ircTlsConnectionFactory";

    /** Whether either IRC port is set. */
    static final String ANY_PORT = "'${chat.irc.port:}' != '' or '${chat.irc.tls-port:}' != ''";

    @Bean(PLAIN)
    @ConditionalOnExpression("'${chat.irc.port:}' != ''")
    TcpNioServerConnectionFactory ircConnectionFactory(ChatProperties properties, ChatListeners listeners) {
        return listeners.plain(properties.irc().port());
    }

    @Bean(TLS)
    @ConditionalOnExpression("'${chat.irc.tls-port:}' != ''")
    TcpNioServerConnectionFactory ircTlsConnectionFactory(ChatProperties properties, ChatListeners listeners) {
        return listeners.tls(properties.irc().tlsPort());
    }

    @Bean
    @ConditionalOnExpression("'${chat.irc.port:}' != ''")
    TcpReceivingChannelAdapter ircInbound(TcpNioServerConnectionFactory ircConnectionFactory,
            MessageChannel fromClients) {
        return inbound(ircConnectionFactory, fromClients);
    }

    @Bean
    @ConditionalOnExpression("'${chat.irc.tls-port:}' != ''")
    TcpReceivingChannelAdapter ircTlsInbound(TcpNioServerConnectionFactory ircTlsConnectionFactory,
            MessageChannel fromClients) {
        return inbound(ircTlsConnectionFactory, fromClients);
    }

    private static TcpReceivingChannelAdapter inbound(TcpNioServerConnectionFactory listener,
            MessageChannel fromClients) {
        TcpReceivingChannelAdapter adapter = new TcpReceivingChannelAdapter();
        adapter.setConnectionFactory(listener);
        adapter.setOutputChannel(fromClients);
        return adapter;
    }

}
