package io.socketchat.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.socketchat.room.ClientConnections;
import io.socketchat.room.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.outbound.TcpSendingMessageHandler;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.stereotype.Component;

/**
 * The room's view of the transport: outboxes are drained by a few {@link WriterLoop}s
 * (one per core), each connection always by the same loop; batches go out through the TCP
 * outbound adapter.
 *
 * <p>
 * A batch is handed to the adapter itself, not through a channel: the writer loop has
 * already chosen the connection, so a channel's dispatch would only add work per batch.
 * For the same reason each batch's message carries the headers its connection made once
 * ({@link ChatNioConnection#addressed}), not a new id and timestamp.
 */
@Component
class SocketWriters implements ClientConnections, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SocketWriters.class);

    private final TcpSendingMessageHandler adapter;

    /** The plain and the TLS listener, whichever are on. */
    private final List<AbstractServerConnectionFactory> listeners;

    /**
     * Each open connection with the loop that writes to it, from its open event to its
     * close event.
     */
    private final Map<String, OpenConnection> open = new ConcurrentHashMap<>();

    private final WriterLoop[] loops;

    private final AtomicInteger nextLoop = new AtomicInteger();

    SocketWriters(TcpSendingMessageHandler chatSender, List<AbstractServerConnectionFactory> listeners) {
        this.adapter = chatSender;
        this.listeners = listeners;
        this.loops = new WriterLoop[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new WriterLoop(this::connection, this::send);
            Thread thread = new Thread(loops[i], "chat-writer-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
        }
    }

    void opened(ChatNioConnection connection) {
        open.put(connection.getConnectionId(),
                new OpenConnection(connection, loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)]));
    }

    void closed(String connectionId) {
        OpenConnection closed = open.remove(connectionId);
        if (closed != null) {
            closed.loop().released(closed.connection());
        }
    }

    @Override
    public void drain(Outbox outbox) {
        OpenConnection connection = open.get(outbox.connectionId());
        if (connection == null) {
            outbox.failed();
            return;
        }
        connection.loop().drain(outbox);
    }

    @Override
    public boolean isBacklogged(String connectionId) {
        ChatNioConnection connection = connection(connectionId);
        return connection != null && connection.hasBacklog();
    }

    @Override
    public void close(String connectionId) {
        for (AbstractServerConnectionFactory listener : listeners) {
            if (listener.closeConnection(connectionId)) {
                return;
            }
        }
    }

    private ChatNioConnection connection(String connectionId) {
        OpenConnection connection = open.get(connectionId);
        return connection == null ? null : connection.connection();
    }

    private boolean send(ChatNioConnection connection, ByteBuffer batch) {
        try {
            adapter.handleMessage(new GenericMessage<>(batch, connection.addressed()));
            return true;
        }
        catch (MessagingException ex) {
            log.debug("Write to {} failed: {}", connection.getConnectionId(), ex.getMessage(), ex);
            return false;
        }
    }

    private record OpenConnection(ChatNioConnection connection, WriterLoop loop) {
    }

    @Override
    public void destroy() {
        for (WriterLoop loop : loops) {
            loop.stop();
        }
    }

}
