package io.socketchat.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The report for a TLS port without a certificate, or without its private key. */
class NoTlsCertificateFailureAnalyzer extends AbstractFailureAnalyzer<NoTlsCertificateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoTlsCertificateException cause) {
        String prefix = "spring.ssl.bundle.pem." + cause.bundle() + ".keystore.";
        if (cause.keyMissing()) {
            return new FailureAnalysis(
                    "chat.tls.port is set, and SSL bundle '" + cause.bundle()
                            + "' has a certificate but no private key, so no client could complete a TLS handshake.",
                    "Name the certificate's private key with --" + prefix
                            + "private-key=file:privkey.pem (or in application.yml). See docs/operating.md#tls.",
                    cause);
        }
        return new FailureAnalysis(
                "chat.tls.port is set, but there is no certificate for it: no SSL bundle named '" + cause.bundle()
                        + "' is configured.",
                "Name the certificate and its private key (PEM files) with --" + prefix
                        + "certificate=file:fullchain.pem and --" + prefix
                        + "private-key=file:privkey.pem (or in application.yml), or leave chat.tls.port unset to"
                        + " serve the plain port only. See docs/operating.md#tls.",
                cause);
    }

}
