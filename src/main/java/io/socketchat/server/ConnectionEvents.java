package io.socketchat.server;

import java.io.InputStream;
import java.util.List;

import io.socketchat.room.Reception;
import io.socketchat.room.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionCloseEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;
import org.springframework.stereotype.Component;

/**
 * Turns the connection factories' events into arrivals and departures at the
 * {@link Reception}, or at the {@link Doorway} of a listener that speaks another
 * protocol.
 */
@Component
class ConnectionEvents {

    private final Reception reception;

    private final InboundOrders orders;

    private final SocketWriters writers;

    private final List<Doorway> doorways;

    ConnectionEvents(Reception reception, InboundOrders orders, SocketWriters writers,
            ObjectProvider<Doorway> doorways) {
        this.reception = reception;
        this.orders = orders;
        this.writers = writers;
        this.doorways = doorways.orderedStream().toList();
    }

    @EventListener
    void opened(TcpConnectionOpenEvent event) {
        ChatNioConnection connection = (ChatNioConnection) event.getSource();
        writers.opened(connection);
        InputStream pipe = (InputStream) connection.getDeserializerStateKey();
        Doorway doorway = doorwayOf(connection.getConnectionFactoryName());
        InboundOrder order;
        if (doorway == null) {
            Session session = reception.arrived(event.getConnectionId(), connection.getHostAddress(), writers);
            order = orders.open(pipe, line -> reception.lineFrom(session, line), () -> reception.departed(session));
        }
        else {
            Doorway.Visit visit = doorway.arrived(event.getConnectionId(), connection.getHostAddress(), writers);
            order = orders.open(pipe, doorway, visit::lineFrom, visit::departed);
        }
        connection.onInputEnded(order::closed);
        // the welcome line may already have failed on a client gone at once (connect,
        // reset):
        // its close event came before the order was there to hear it
        if (!connection.isOpen()) {
            order.closed();
        }
    }

    private Doorway doorwayOf(String listenerName) {
        for (Doorway doorway : doorways) {
            if (doorway.serves(listenerName)) {
                return doorway;
            }
        }
        return null;
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
