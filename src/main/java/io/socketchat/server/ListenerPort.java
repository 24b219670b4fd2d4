package io.socketchat.server;

import java.net.InetSocketAddress;

import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/**
 * The port a listener really has: with {@code 0} configured, the one the system gave it.
 */
public final class ListenerPort {

    /** The bean name of the TLS port's connection factory. */
    public static final String TLS_LISTENER = "chatTlsConnectionFactory";

    private ListenerPort() {
    }

    public static boolean isTls(AbstractServerConnectionFactory listener) {
        return TLS_LISTENER.equals(listener.getBeanName());
    }

    public static int of(AbstractServerConnectionFactory listener) {
        if (listener.getServerSocketAddress() instanceof InetSocketAddress address) {
            return address.getPort();
        }
        return listener.getPort();
    }

}
