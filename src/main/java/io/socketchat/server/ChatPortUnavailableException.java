package io.socketchat.server;

/**
 * A chat port (plain or TLS) that cannot be opened: taken by another program, an address
 * that is not this machine's, or a port the user may not open.
 */
class ChatPortUnavailableException extends IllegalStateException {

    private final String address;

    private final int port;

    private final boolean tls;

    ChatPortUnavailableException(String address, int port, boolean tls, Throwable cause) {
        super("Cannot listen on " + address + ":" + port + (tls ? " (TLS)" : "") + ": " + cause.getMessage(), cause);
        this.address = address;
        this.port = port;
        this.tls = tls;
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }

    boolean tls() {
        return tls;
    }

    /** The setting that chose the port. */
    String setting() {
        return tls ? "chat.tls.port" : "chat.port";
    }

}
