package io.socketchat.server;

import java.io.InputStream;

import io.socketchat.room.Reception;
import io.socketchat.room.Session;

import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionCloseEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;
import org.springframework.stereotype.Component;

/**
 * Turns the connection factory's events into arrivals and departures at the
 * {@link Reception}.
 */
@Component
class ConnectionEvents {

    private final Reception reception;

    private final InboundOrders orders;

    private final SocketWriters writers;

    ConnectionEvents(Reception reception, InboundOrders orders, SocketWriters writers) {
        this.reception = reception;
        this.orders = orders;
        this.writers = writers;
    }

    @EventListener
    void opened(TcpConnectionOpenEvent event) {
        ChatNioConnection connection = (ChatNioConnection) event.getSource();
        writers.opened(connection);
        InputStream pipe = (InputStream) connection.getDeserializerStateKey();
        Session session = reception.arrived(event.getConnectionId(), connection.getHostAddress(), writers);
        InboundOrder order = orders.open(pipe, line -> reception.lineFrom(session, line),
                () -> reception.departed(session));
        connection.onInputEnded(order::closed);
        // the welcome line may already have failed on a client gone at once (connect,
        // reset):
        // its close event came before the order was there to hear it
        if (!connection.isOpen()) {
            order.closed();
        }
    }

    @EventListener
    void closed(TcpConnectionCloseEvent event) {
        writers.closed(event.getConnectionId());
        InboundOrder order = orders.of(((TcpConnection) event.getSource()).getDeserializerStateKey());
        if (order != null) {
            order.closed();
        }
    }

}
