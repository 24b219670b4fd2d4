package io.socketchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for the client: the system's CAs, plus one PEM certificate the user chose to trust
 * ({@code --chat.tls.trust=cert.pem}, e.g. a LAN server's self-signed one). The server's
 * name is checked against its certificate as a browser does. A certificate that cannot be
 * trusted ends the attempt with an {@link IOException} whose message is the one line the
 * user sees.
 */
final class ClientTls {

    private final Path trust;

    /**
     * @param trust a PEM certificate (or chain) to trust besides the system's CAs; null
     * for none
     */
    ClientTls(Path trust) {
        this.trust = trust;
    }

    /** Runs the TLS handshake over the connected socket, within the connect timeout. */
    Socket handshake(Socket plain, String host, Duration timeout) throws IOException {
        SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        int before = socket.getSoTimeout();
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        try {
            socket.startHandshake();
        }
        catch (SSLHandshakeException ex) {
            throw new IOException(untrusted(ex, host), ex);
        }
        socket.setSoTimeout(before);
        return socket;
    }

    private SSLContext context() throws IOException {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate ca : systemTrust().getAcceptedIssuers()) {
                anchors.setCertificateEntry("system-" + n++, ca);
            }
            for (Certificate certificate : trusted()) {
                anchors.setCertificateEntry("chosen-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException ex) {
            throw new IOException("cannot set up TLS: " + ex.getMessage(), ex);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no system trust manager");
    }

    private Collection<? extends Certificate> trusted() throws IOException {
        if (trust == null) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(trust)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in chat.tls.trust file " + trust);
            }
            return certificates;
        }
        catch (CertificateException ex) {
            throw new IOException("chat.tls.trust file " + trust + " holds no PEM certificate", ex);
        }
        catch (NoSuchFileException ex) {
            throw new IOException("chat.tls.trust file " + trust + " does not exist", ex);
        }
    }

    /** The one line for a handshake the client refused or that failed. */
    private static String untrusted(SSLHandshakeException failure, String host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof CertificateException
                    && (message.startsWith("No subject alternative") || message.startsWith("No name matching"))) {
                return "the server's certificate is not for " + host + " (TLS)";
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "the server's certificate is not trusted (TLS); if you trust it, add --chat.tls.trust=<its PEM file>";
            }
        }
        return "TLS handshake failed: " + failure.getMessage();
    }

}
