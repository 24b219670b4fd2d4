package io.socketchat.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The report for a TLS certificate or key file that is missing, unreadable or not PEM.
 */
class UnreadableTlsCertificateFailureAnalyzer extends AbstractFailureAnalyzer<UnreadableTlsCertificateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnreadableTlsCertificateException cause) {
        String prefix = "spring.ssl.bundle.pem." + cause.bundle() + ".keystore.";
        return new FailureAnalysis(
                "The TLS port's certificate (SSL bundle '" + cause.bundle() + "') cannot be read: " + cause.reason()
                        + ".",
                "Check that " + prefix + "certificate and " + prefix
                        + "private-key name PEM files that exist and that the user running the server can read"
                        + " (e.g. file:/etc/letsencrypt/live/<name>/fullchain.pem and privkey.pem). See"
                        + " docs/operating.md#tls.",
                cause);
    }

}
