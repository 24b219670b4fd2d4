package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;

import io.socketchat.server.InboundOrder.Frame;

import org.springframework.core.serializer.Deserializer;

/**
 * Frames, per read, every line the connection's bytes complete (see {@link LineFramer}
 * for the rules), so one message carries them all through the inbound adapter. It never
 * waits for bytes: when a read completes no line it answers null, and Spring Integration
 * sends nothing.
 */
class ChatLineDeserializer implements Deserializer<Frame> {

    private final InboundOrders orders;

    ChatLineDeserializer(InboundOrders orders) {
        this.orders = orders;
    }

    @Override
    public Frame deserialize(InputStream in) throws IOException {
        InboundOrder order = orders.of(in);
        if (order == null) {
            throw new IOException("No chat session for this connection");
        }
        return order.read();
    }

}
