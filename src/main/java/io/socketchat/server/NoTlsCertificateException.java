package io.socketchat.server;

/**
 * {@code chat.tls.port} is set but there is nothing to serve it with: no SSL bundle of
 * the configured name, or one with a certificate and no private key.
 */
class NoTlsCertificateException extends IllegalStateException {

    private final String bundle;

    private final boolean keyMissing;

    NoTlsCertificateException(String bundle, boolean keyMissing, Throwable cause) {
        super(keyMissing ? "SSL bundle '" + bundle + "' for chat.tls.port has no private key"
                : "chat.tls.port is set but there is no SSL bundle named '" + bundle + "'", cause);
        this.bundle = bundle;
        this.keyMissing = keyMissing;
    }

    String bundle() {
        return bundle;
    }

    boolean keyMissing() {
        return keyMissing;
    }

}
