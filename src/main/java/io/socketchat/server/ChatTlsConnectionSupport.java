package io.socketchat.server;

import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;

/**
 * Makes the TLS port's connections, each with an engine from the SSL bundle's current
 * context. Spring Integration's {@code DefaultTcpNioSSLConnectionSupport} reads the
 * context once; here a renewed certificate (the bundle's {@code reload-on-update})
 * replaces it for every later connection, while connections already open keep theirs.
 */
final class ChatTlsConnectionSupport implements TcpNioConnectionSupport {

    private static final Logger log = LoggerFactory.getLogger(ChatTlsConnectionSupport.class);

    private volatile SSLContext context;

    ChatTlsConnectionSupport(SslBundles bundles, String bundleName) {
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(bundleName);
        }
        catch (NoSuchSslBundleException ex) {
            throw new IllegalStateException("chat.tls.port is set but there is no SSL bundle named '" + bundleName
                    + "' (spring.ssl.bundle.pem." + bundleName + ".keystore.certificate and .private-key)", ex);
        }
        this.context = bundle.createSslContext();
        bundles.addBundleUpdateHandler(bundleName, this::renewed);
    }

    private void renewed(SslBundle bundle) {
        try {
            context = bundle.createSslContext();
            log.info("TLS certificate reloaded; new connections use it");
        }
        catch (RuntimeException ex) {
            log.error("The renewed TLS certificate cannot be used; new connections keep the previous one", ex);
        }
    }

    @Override
    public TcpNioConnection createNewConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
            ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
        SSLEngine engine = context.createSSLEngine();
        try {
            return new ChatTlsConnection(socketChannel, applicationEventPublisher, connectionFactoryName, engine);
        }
        catch (SSLException ex) {
            throw new IllegalStateException("Cannot start TLS on a new connection", ex);
        }
    }

}
