package io.socketchat.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.room.Doors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerExceptionEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerListeningEvent;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The orderly end: on shutdown (admin command, SIGTERM, Ctrl-C) every user is told, new
 * connections are refused, queued lines get up to {@code chat.shutdown-grace} to be
 * written, then every connection is closed. Starts after the TCP factory and stops before
 * it, so start-up waits for the port to be open and shutdown can still write.
 */
@Component
class ChatServerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatServerLifecycle.class);

    private final Doors doors;

    /** The plain and the TLS listener, whichever are on. */
    private final List<AbstractServerConnectionFactory> listeners;

    private final ChatProperties properties;

    private static final int START_TIMEOUT_SECONDS = 30;

    private final CountDownLatch listening;

    /** Listeners that said how their start went, each counted once. */
    private final Set<Object> reported = ConcurrentHashMap.newKeySet();

    private volatile Throwable failure;

    private volatile AbstractServerConnectionFactory failedListener;

    private volatile boolean running;

    ChatServerLifecycle(Doors doors, List<AbstractServerConnectionFactory> listeners, ChatProperties properties) {
        this.doors = doors;
        this.listeners = listeners;
        this.properties = properties;
        this.listening = new CountDownLatch(listeners.size());
    }

    /**
     * Start-up fails, with the reason, when a chat port (plain or TLS) cannot be opened.
     */
    @Override
    public void start() {
        try {
            if (!listening.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "The chat server did not start listening within " + START_TIMEOUT_SECONDS + " s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the chat server started", ex);
        }
        Throwable failure = this.failure;
        if (failure != null) {
            AbstractServerConnectionFactory listener = failedListener;
            throw new ChatPortUnavailableException(properties.bindAddress(), listener.getPort(),
                    ListenerPort.isTls(listener), failure);
        }
        running = true;
    }

    @EventListener
    void listening(TcpConnectionServerListeningEvent event) {
        String kind = ListenerPort.detailName((AbstractServerConnectionFactory) event.getSource());
        log.info("Chat server listening on {}:{}{}", properties.bindAddress(), event.getPort(), switch (kind) {
            case "tlsPort" -> " (TLS)";
            case "ircPort" -> " (IRC)";
            case "ircTlsPort" -> " (IRC over TLS)";
            default -> "";
        });
        report(event.getSource());
    }

    /**
     * Start-up waits for every listener, even after one failed: a listener that reports
     * after the context has closed would meet a closed context on its own thread.
     */
    private void report(Object listener) {
        if (reported.add(listener)) {
            listening.countDown();
        }
    }

    @EventListener
    synchronized void failedToListen(TcpConnectionServerExceptionEvent event) {
        if (!running && failure == null) {
            failedListener = (AbstractServerConnectionFactory) event.getSource();
            failure = event.getCause();
        }
        if (!running) {
            report(event.getSource());
        }
    }

    @Override
    public void stop() {
        running = false;
        listeners.forEach(AbstractServerConnectionFactory::beforeShutdown);
        int open = doors.connections();
        doors.closeAll(Replies.SHUTTING_DOWN);
        try {
            if (!doors.awaitAllClosed(properties.shutdownGrace().toMillis())) {
                log.warn("Shutdown grace of {} passed; closing the connections still writing",
                        properties.shutdownGrace());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        doors.closeRemaining();
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
