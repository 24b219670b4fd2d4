package io.socketchat.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Wraps the WebSocket container's handler to turn opens and closes into arrivals and
 * departures at {@link BrowserConnections}. Here rather than in the inbound adapter's
 * listener: the container tells its listener nothing of a session that ended in a
 * transport error, and a user must never stay in the chat after its socket is gone.
 */
final class BrowserSessionEvents extends WebSocketHandlerDecorator {

    private static final Logger log = LoggerFactory.getLogger(BrowserSessionEvents.class);

    /** Tomcat's per-session limit on a blocking send (default 20 s). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    static final CloseStatus TEXT_ONLY = CloseStatus.NOT_ACCEPTABLE.withReason("Text frames only: one frame, one line");

    private final BrowserConnections connections;

    private final long sendTimeLimitMillis;

    BrowserSessionEvents(WebSocketHandler delegate, BrowserConnections connections, long sendTimeLimitMillis) {
        super(delegate);
        this.connections = connections;
        this.sendTimeLimitMillis = sendTimeLimitMillis;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (session instanceof NativeWebSocketSession standard
                && standard.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, sendTimeLimitMillis);
        }
        // the container registers the session first: the welcome line is sent through it
        super.afterConnectionEstablished(session);
        connections.opened(session);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        if (message instanceof TextMessage) {
            super.handleMessage(session, message);
        }
        else if (!(message instanceof PongMessage)) {
            session.close(TEXT_ONLY);
        }
    }

    /**
     * A browser that went away (tab closed, network lost) is routine for a chat, and it
     * leaves when its socket closes. Not passed on: the container would rethrow it, to be
     * logged as an error.
     */
    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("WebSocket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        try {
            super.afterConnectionClosed(session, closeStatus);
        }
        finally {
            connections.closed(session.getId());
        }
    }

}
