package io.socketchat.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * Spring Integration's NIO connection with its memory cut to what a chat needs, so that
 * thousands of mostly idle users fit in little memory.
 *
 * <ul>
 * <li>The stock connection reads into a 60 KB buffer of its own; chat lines are short,
 * so reads go through a small one.</li>
 * <li>The stock {@code send} writes through a {@code BufferedOutputStream} as large as the
 * socket's send buffer (about 1.9 MB per connection on Linux loopback). Every payload here is
 * already a batch of whole lines from the user's {@code Outbox}, so it goes straight to the
 * channel's own output stream, which still waits, as the stock one does, while the client's
 * buffer is full.</li>
 * </ul>
 */
class ChatNioConnection extends TcpNioConnection {

    static final int READ_BUFFER_BYTES = 2048;

    ChatNioConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
            ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
        super(socketChannel, server, lookupHost, applicationEventPublisher, connectionFactoryName);
    }

    @Override
    protected ByteBuffer allocate(int length) {
        return super.allocate(Math.min(length, READ_BUFFER_BYTES));
    }

    @Override
    public void send(Message<?> message) {
        if (!(message.getPayload() instanceof byte[] bytes)) {
            throw new MessagingException(message, "Chat payloads are byte arrays");
        }
        try {
            getChannelOutputStream().write(bytes);
        }
        catch (IOException | RuntimeException ex) {
            MessagingException failure = new MessagingException(message, "Send Failed", ex);
            publishConnectionExceptionEvent(failure);
            closeConnection(true);
            throw failure;
        }
    }
}
