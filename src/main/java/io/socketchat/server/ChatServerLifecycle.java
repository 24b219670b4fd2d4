package io.socketchat.server;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.room.Reception;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The orderly end: on shutdown (admin command, SIGTERM, Ctrl-C) every user is told, new
 * connections are refused, queued lines get up to {@code chat.shutdown-grace} to be written,
 * then every connection is closed. Runs before the TCP adapters and factory stop.
 */
@Component
class ChatServerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatServerLifecycle.class);

    private final Reception reception;
    private final AbstractServerConnectionFactory connectionFactory;
    private final ChatProperties properties;
    private volatile boolean running;

    ChatServerLifecycle(Reception reception, AbstractServerConnectionFactory connectionFactory,
            ChatProperties properties) {
        this.reception = reception;
        this.connectionFactory = connectionFactory;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        connectionFactory.beforeShutdown();
        int open = reception.connections();
        reception.closeAll(Replies.SHUTTING_DOWN);
        try {
            if (!reception.awaitAllClosed(properties.shutdownGrace().toMillis())) {
                log.warn("Shutdown grace of {} passed; closing the connections still writing",
                        properties.shutdownGrace());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        reception.closeRemaining();
        log.info("Chat closed; {} connections were open", open);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, while the adapters can still write. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
