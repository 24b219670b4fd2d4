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
        String name = listener.getBeanName();
        return name != null && name.endsWith("TlsConnectionFactory");
    }

    /**
     * What the listener is called in health details: {@code port}, {@code tlsPort},
     * {@code ircPort}, {@code ircTlsPort}.
     */
    public static String detailName(AbstractServerConnectionFactory listener) {
        String name = String.valueOf(listener.getBeanName());
        // chat, chatTls, irc, ircTls: the line protocol's ports go by "port" alone
        String face = name.replace("ConnectionFactory", "").replaceFirst("^chat", "");
        String detail = face + "Port";
        return Character.toLowerCase(detail.charAt(0)) + detail.substring(1);
    }

    public static int of(AbstractServerConnectionFactory listener) {
        if (listener.getServerSocketAddress() instanceof InetSocketAddress address) {
            return address.getPort();
        }
        return listener.getPort();
    }

}
