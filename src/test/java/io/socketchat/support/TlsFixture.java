package io.socketchat.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made at test time (the JDK's keytool, written out as the PEM files an
 * SSL bundle reads) and TLS connections that trust them.
 */
public final class TlsFixture {

    private TlsFixture() {
    }

    /** A self-signed certificate for localhost and 127.0.0.1, as PEM files. */
    public record Pem(Path certificate, Path privateKey, X509Certificate x509) {
    }

    /**
     * Makes a new key and certificate and writes them to {@code cert.pem} /
     * {@code key.pem} in {@code dir}, replacing any.
     */
    public static Pem selfSigned(Path dir, String commonName) {
        try {
            Files.createDirectories(dir);
            Path store = Files.createTempFile(dir, "keys", ".p12");
            Files.delete(store);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "chat", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + commonName, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype",
                    "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true)
                .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, "changeit".toCharArray());
            }
            Files.delete(store);
            X509Certificate certificate = (X509Certificate) keys.getCertificate("chat");
            Key key = keys.getKey("chat", "changeit".toCharArray());
            Path certFile = dir.resolve("cert.pem");
            Path keyFile = dir.resolve("key.pem");
            // key first, then the certificate: a reload that sees the new certificate
            // sees its key
            replace(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            replace(certFile, pem("CERTIFICATE", certificate.getEncoded()));
            return new Pem(certFile, keyFile, certificate);
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The server arguments for a TLS port on any free port, with the certificate reloaded
     * when its files change.
     */
    public static List<String> serverArgs(Pem pem) {
        return List.of("--chat.tls.port=0",
                "--spring.ssl.bundle.pem.chat.keystore.certificate=file:" + pem.certificate(),
                "--spring.ssl.bundle.pem.chat.keystore.private-key=file:" + pem.privateKey(),
                "--spring.ssl.bundle.pem.chat.reload-on-update=true",
                "--spring.ssl.bundle.watch.file.quiet-period=200ms");
    }

    /**
     * A TLS connection to 127.0.0.1 that trusts only the given certificates (host name
     * checked).
     * @param receiveBuffer SO_RCVBUF to ask for, 0 for the default
     */
    public static SSLSocket connect(int port, int receiveBuffer, X509Certificate... trusted) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            for (int i = 0; i < trusted.length; i++) {
                anchors.setCertificateEntry("trusted-" + i, trusted[i]);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            Socket plain = new Socket();
            if (receiveBuffer > 0) {
                plain.setReceiveBufferSize(receiveBuffer);
            }
            plain.connect(new InetSocketAddress("127.0.0.1", port), (int) LineClient.TIMEOUT.toMillis());
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
            var parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) LineClient.TIMEOUT.toMillis());
            socket.startHandshake();
            return socket;
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot connect over TLS to 127.0.0.1:" + port, ex);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void replace(Path file, String content) throws IOException {
        Path next = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
