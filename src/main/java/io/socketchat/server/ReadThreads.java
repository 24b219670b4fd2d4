package io.socketchat.server;

import io.socketchat.config.ChatProperties;

/**
 * How many threads read from clients: fixed by the configuration, never by the traffic.
 * The README's thread bound is made of these.
 */
public final class ReadThreads {

    /** Reading a socket into its connection's pipe takes microseconds; a few threads serve thousands. */
    public static final int READERS = 8;

    /** The plain and the TLS port: each one's selector loop holds a reader thread while it is open. */
    public static final int LISTENERS = 2;

    /** Framers beyond the connections the chat admits at once, for those being turned away. */
    static final int SPARE_FRAMERS = 16;

    /** Past this many, a client's read waits (retried every 100 ms) until another's line is complete. */
    public static final int MAX_FRAMERS = 256;

    private ReadThreads() {
    }

    /**
     * A framer waits while its client has sent half a line, so each connection the chat
     * admits at once (users and those choosing a name) may hold one.
     */
    public static int framers(ChatProperties properties) {
        return Math.min(MAX_FRAMERS, properties.maxClients() + properties.maxPending() + SPARE_FRAMERS);
    }
}
