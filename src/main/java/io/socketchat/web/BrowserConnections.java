package io.socketchat.web;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.socketchat.room.ClientConnections;
import io.socketchat.room.Outbox;
import io.socketchat.room.Reception;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.WebSocketSession;

/**
 * The WebSocket transport as the room sees it: browsers arrive at the same
 * {@link Reception} as TCP clients, their text frames are their lines, and their outboxes
 * are written by {@link BrowserWriters}. A browser that stops reading fills its outbox
 * while its writer waits on the full socket, and the room drops it as not reading, as it
 * drops a TCP client.
 */
final class BrowserConnections implements ClientConnections, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrowserConnections.class);

    /** Keeps browser connection ids apart from TCP ones in the reception's books. */
    static final String ID_PREFIX = "web-";

    private final Reception reception;

    private final BrowserWriters writers;

    private final int maxLineBytes;

    /** Each open WebSocket by connection id, from its handshake to its close. */
    private final Map<String, Browser> open = new ConcurrentHashMap<>();

    BrowserConnections(Reception reception, BrowserWriters writers, int maxLineBytes) {
        this.reception = reception;
        this.writers = writers;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * A WebSocket completed its handshake: it arrives at the reception like a TCP
     * connection.
     */
    void opened(WebSocketSession webSocket) {
        Browser browser = new Browser(webSocket);
        String connectionId = ID_PREFIX + webSocket.getId();
        open.put(connectionId, browser);
        // a browser turned away may be closed before arrived returns: its departure waits
        // for the session
        synchronized (browser) {
            try {
                browser.session(reception.arrived(connectionId, addressOf(webSocket), this));
                return;
            }
            catch (RuntimeException ex) {
                // the server is stopping (its scheduler is gone): nothing to greet the
                // browser with
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
            reception.lineFrom(browser.session(), FrameLine.of(text, maxLineBytes));
        }
    }

    /**
     * The WebSocket closed, whoever closed it; the line being handled, if any, goes
     * first.
     */
    void closed(String webSocketId) {
        Browser browser = open.remove(ID_PREFIX + webSocketId);
        if (browser == null) {
            return;
        }
        synchronized (browser) {
            if (browser.session() != null) {
                reception.departed(browser.session());
            }
        }
    }

    @Override
    public void drain(Outbox outbox) {
        Browser browser = open.get(outbox.connectionId());
        if (browser == null) {
            outbox.failed();
            return;
        }
        writers.drain(browser, outbox);
    }

    @Override
    public boolean isBacklogged(String connectionId) {
        Browser browser = open.get(connectionId);
        return browser != null && browser.isBacklogged();
    }

    @Override
    public void close(String connectionId) {
        Browser browser = open.get(connectionId);
        if (browser != null) {
            writers.close(browser);
        }
    }

    /**
     * The address limits and bans apply to the browser's IP address, as seen in the
     * handshake.
     */
    private static String addressOf(WebSocketSession webSocket) {
        InetSocketAddress remote = webSocket.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public void destroy() {
        writers.stop();
    }

}
