package io.socketchat.server;

import java.nio.channels.SocketChannel;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

    private ChatTlsConnectionSupport(SSLContext context) {
        this.context = context;
    }

    /**
     * The TLS port's connections with the bundle's certificate. A bundle that is not
     * there, has no private key or whose files cannot be read (Boot reads them when the
     * bundles are created, or when the context is) fails start-up with the chat's own
     * exception, which a failure analyzer turns into a report for the operator.
     */
    static ChatTlsConnectionSupport of(ObjectProvider<SslBundles> bundlesProvider, String bundleName) {
        SslBundle bundle;
        SslBundles bundles;
        SSLContext context;
        try {
            bundles = bundlesProvider.getObject();
            bundle = bundles.getBundle(bundleName);
        }
        catch (NoSuchSslBundleException ex) {
            throw new NoTlsCertificateException(bundleName, false, ex);
        }
        catch (RuntimeException ex) {
            throw new UnreadableTlsCertificateException(bundleName, ex);
        }
        boolean hasPrivateKey;
        try {
            hasPrivateKey = hasPrivateKey(bundle);
            context = bundle.createSslContext();
        }
        catch (RuntimeException | KeyStoreException ex) {
            throw new UnreadableTlsCertificateException(bundleName, ex);
        }
        if (!hasPrivateKey) {
            throw new NoTlsCertificateException(bundleName, true, null);
        }
        ChatTlsConnectionSupport support = new ChatTlsConnectionSupport(context);
        bundles.addBundleUpdateHandler(bundleName, support::renewed);
        return support;
    }

    /**
     * A certificate without its key lets every handshake fail; Boot accepts such a
     * bundle, the chat does not.
     */
    private static boolean hasPrivateKey(SslBundle bundle) throws KeyStoreException {
        KeyStore keys = bundle.getStores().getKeyStore();
        if (keys == null) {
            return false;
        }
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
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
