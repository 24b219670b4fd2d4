package io.socketchat.server;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The {@link InboundOrder} of each open connection, found by the connection's read pipe:
 * that pipe is what the deserializer is given (Spring Integration's deserializer state key).
 */
@Component
class InboundOrders {

    private final Map<Object, InboundOrder> byPipe = new ConcurrentHashMap<>();

    void register(InputStream pipe, InboundOrder order) {
        byPipe.put(pipe, order);
    }

    InboundOrder of(Object pipe) {
        return byPipe.get(pipe);
    }

    void remove(Object pipe) {
        byPipe.remove(pipe);
    }
}
