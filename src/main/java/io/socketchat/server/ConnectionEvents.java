package io.socketchat.server;

import java.io.InputStream;

import io.socketchat.room.Reception;
import io.socketchat.room.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionCloseEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerListeningEvent;
import org.springframework.stereotype.Component;

/** Turns the connection factory's events into arrivals and departures at the {@link Reception}. */
@Component
class ConnectionEvents {

    private static final Logger log = LoggerFactory.getLogger(ConnectionEvents.class);

    private final Reception reception;
    private final InboundOrders orders;

    ConnectionEvents(Reception reception, InboundOrders orders) {
        this.reception = reception;
        this.orders = orders;
    }

    @EventListener
    void listening(TcpConnectionServerListeningEvent event) {
        log.info("Chat server listening on port {}", event.getPort());
    }

    @EventListener
    void opened(TcpConnectionOpenEvent event) {
        TcpConnection connection = (TcpConnection) event.getSource();
        InputStream pipe = (InputStream) connection.getDeserializerStateKey();
        Session session = reception.arrived(event.getConnectionId());
        orders.register(pipe, new InboundOrder(pipe, line -> reception.lineFrom(session, line), () -> {
            orders.remove(pipe);
            reception.departed(session);
        }));
    }

    @EventListener
    void closed(TcpConnectionCloseEvent event) {
        InboundOrder order = orders.of(((TcpConnection) event.getSource()).getDeserializerStateKey());
        if (order != null) {
            order.closed();
        }
    }
}
