package io.socketchat.server;

import io.socketchat.room.ClientConnections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** Writes through the outbound channel adapter; closes through the connection factory. */
@Component
class TcpClientConnections implements ClientConnections {

    private static final Logger log = LoggerFactory.getLogger(TcpClientConnections.class);

    private final MessageChannel toClients;
    private final AbstractServerConnectionFactory connectionFactory;

    TcpClientConnections(@Qualifier("toClients") MessageChannel toClients,
            AbstractServerConnectionFactory connectionFactory) {
        this.toClients = toClients;
        this.connectionFactory = connectionFactory;
    }

    @Override
    public boolean write(String connectionId, byte[] bytes) {
        try {
            return toClients.send(MessageBuilder.withPayload(bytes)
                    .setHeader(IpHeaders.CONNECTION_ID, connectionId).build());
        }
        catch (MessagingException ex) {
            log.debug("Write to {} failed: {}", connectionId, ex.getMessage());
            return false;
        }
    }

    @Override
    public void close(String connectionId) {
        connectionFactory.closeConnection(connectionId);
    }
}
