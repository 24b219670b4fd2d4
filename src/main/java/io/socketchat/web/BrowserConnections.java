package io.socketchat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.socketchat.room.ClientConnections;
import io.socketchat.room.Outbox;
import io.socketchat.room.Reception;
import io.socketchat.room.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The WebSocket transport as the room sees it: browsers arrive at the same {@link Reception}
 * as TCP clients, their frames are their lines, and their outboxes are written one line per
 * text frame through the {@code toBrowsers} channel to the WebSocket outbound adapter.
 *
 * <p>A WebSocket send blocks while the browser's socket is full, so no room or broadcast
 * thread ever sends: each outbox is drained on a writer thread of its own (at most one at a
 * time per outbox, as {@link Outbox} guarantees). A browser that stops reading holds only its
 * own writer, for at most the send time limit; meanwhile its outbox fills, and the room drops
 * it as not reading, as it drops a TCP client whose socket is full.
 */
final class BrowserConnections implements ClientConnections, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrowserConnections.class);

    /** Keeps browser connection ids apart from TCP ones in the reception's books. */
    static final String ID_PREFIX = "web-";
    /** A frame still unsent after this long means the browser's socket is full. */
    private static final long BACKLOG_NANOS = 100_000_000L;

    private final Reception reception;
    private final MessageChannel toBrowsers;
    private final int maxLineBytes;
    private final ExecutorService writers;
    /** Each open WebSocket by connection id, from its handshake to its close. */
    private final Map<String, Browser> open = new ConcurrentHashMap<>();

    BrowserConnections(Reception reception, MessageChannel toBrowsers, int maxLineBytes) {
        this.reception = reception;
        this.toBrowsers = toBrowsers;
        this.maxLineBytes = maxLineBytes;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("chat-web-");
        threads.setDaemon(true);
        this.writers = Executors.newCachedThreadPool(threads);
    }

    /** A WebSocket completed its handshake: it arrives at the reception like a TCP connection. */
    void opened(WebSocketSession webSocket) {
        Browser browser = new Browser(webSocket);
        String connectionId = ID_PREFIX + webSocket.getId();
        open.put(connectionId, browser);
        // a browser turned away may be closed before arrived returns: its departure waits for the session
        synchronized (browser) {
            try {
                browser.session = reception.arrived(connectionId, this);
                return;
            }
            catch (RuntimeException ex) {
                // the server is stopping (its scheduler is gone): nothing to greet the browser with
                open.remove(connectionId);
                log.debug("WebSocket {} arrived while the chat stopped: {}", webSocket.getId(), ex.toString());
            }
        }
        browser.close();
    }

    /** One text frame from the browser: one line, in the order sent. */
    void frame(String webSocketId, String text) {
        Browser browser = open.get(ID_PREFIX + webSocketId);
        if (browser == null) {
            return;
        }
        synchronized (browser) {
            reception.lineFrom(browser.session, FrameLine.of(text, maxLineBytes));
        }
    }

    /** The WebSocket closed, whoever closed it; the line being handled, if any, goes first. */
    void closed(String webSocketId) {
        Browser browser = open.remove(ID_PREFIX + webSocketId);
        if (browser == null || browser.session == null) {
            return;
        }
        synchronized (browser) {
            reception.departed(browser.session);
        }
    }

    @Override
    public void drain(Outbox outbox) {
        Browser browser = open.get(outbox.connectionId());
        if (browser == null) {
            outbox.failed();
            return;
        }
        try {
            writers.execute(() -> write(browser, outbox));
        }
        catch (RejectedExecutionException shuttingDown) {
            outbox.failed();
        }
    }

    @Override
    public boolean isBacklogged(String connectionId) {
        Browser browser = open.get(connectionId);
        if (browser == null) {
            return false;
        }
        long since = browser.sendingSince;
        return since != 0 && System.nanoTime() - since > BACKLOG_NANOS;
    }

    /** Closes on a writer thread: a close waits for a send in progress, and the room may be holding its lock. */
    @Override
    public void close(String connectionId) {
        Browser browser = open.get(connectionId);
        if (browser == null) {
            return;
        }
        try {
            writers.execute(browser::close);
        }
        catch (RejectedExecutionException shuttingDown) {
            browser.close();
        }
    }

    private void write(Browser browser, Outbox outbox) {
        try {
            while (true) {
                byte[] batch = outbox.nextBatch();
                if (batch == null) {
                    if (outbox.finishDrain()) {
                        return;
                    }
                    continue;
                }
                if (!sendLines(browser, batch)) {
                    outbox.failed();
                    return;
                }
                outbox.written();
            }
        }
        catch (RuntimeException ex) {
            log.debug("Writing to {} failed; closing it", outbox.connectionId(), ex);
            outbox.failed();
        }
    }

    /** A batch holds whole LF-terminated lines: each goes out as one text frame, without its LF. */
    private boolean sendLines(Browser browser, byte[] batch) {
        int start = 0;
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] == '\n') {
                if (!send(browser, new String(batch, start, i - start, StandardCharsets.UTF_8))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private boolean send(Browser browser, String line) {
        browser.sendingSince = System.nanoTime();
        try {
            return toBrowsers.send(MessageBuilder.withPayload(line)
                    .setHeader(SimpMessageHeaderAccessor.SESSION_ID_HEADER, browser.webSocket.getId())
                    .build());
        }
        catch (MessagingException ex) {
            log.debug("Write to WebSocket {} failed: {}", browser.webSocket.getId(), ex.getMessage(), ex);
            return false;
        }
        finally {
            browser.sendingSince = 0;
        }
    }

    @Override
    public void destroy() {
        // not shutdownNow: a close waiting on a stuck browser would log its interruption as an error
        writers.shutdown();
    }

    /** One open WebSocket and its chat session; locked while one of its lines is handled. */
    private static final class Browser {

        private final WebSocketSession webSocket;
        private volatile Session session;
        /** When the frame being sent started, or 0. */
        private volatile long sendingSince;

        Browser(WebSocketSession webSocket) {
            this.webSocket = webSocket;
        }

        void close() {
            try {
                webSocket.close(CloseStatus.NORMAL);
            }
            catch (IOException | RuntimeException ex) {
                log.debug("Closing WebSocket {} failed: {}", webSocket.getId(), ex.getMessage());
            }
        }
    }
}
