package io.socketchat.web;

import java.io.IOException;

import io.socketchat.room.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/** One open WebSocket and its chat session; locked while one of its lines is handled. */
final class Browser {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    /** A frame still unsent after this long means the browser's socket is full. */
    private static final long BACKLOG_NANOS = 100_000_000L;

    private final WebSocketSession webSocket;

    private volatile Session session;

    /** When the frame being sent started; 0 while none is. */
    private volatile long sendingSince;

    Browser(WebSocketSession webSocket) {
        this.webSocket = webSocket;
    }

    String webSocketId() {
        return webSocket.getId();
    }

    /** Null until the reception has booked the arrival, and if it could not. */
    Session session() {
        return session;
    }

    void session(Session session) {
        this.session = session;
    }

    void sending() {
        sendingSince = System.nanoTime();
    }

    void sent() {
        sendingSince = 0;
    }

    /**
     * True while a frame has been on its way for long: the browser is not taking what is
     * sent.
     */
    boolean isBacklogged() {
        long since = sendingSince;
        return since != 0 && System.nanoTime() - since > BACKLOG_NANOS;
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
