package io.socketchat.server;

import java.util.Map;

import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * Wraps each {@link InboundOrder.Frame} in a message without the headers nobody reads: no
 * random id, no timestamp, no connection details (the frame knows its connection). A read
 * that completed no line gives no message, quietly (the stock mapper warns about each).
 */
class FrameMapper extends TcpMessageMapper {

    private static final MessageHeaders NONE = new NoHeaders();

    @Override
    public Message<?> toMessage(TcpConnection connection, Map<String, Object> headers) {
        Object frame = connection.getPayload();
        return frame == null ? null : new GenericMessage<>(frame, NONE);
    }

    private static final class NoHeaders extends MessageHeaders {

        NoHeaders() {
            super(null, ID_VALUE_NONE, -1L);
        }

    }

}
