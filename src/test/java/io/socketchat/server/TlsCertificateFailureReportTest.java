package io.socketchat.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.socketchat.support.ProgramRun;
import io.socketchat.support.TlsFixture;
import io.socketchat.support.TlsFixture.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS port without a certificate it can use, as an operator meets it: Spring Boot's
 * report naming the settings to fix, not a stack trace, and no port opened.
 */
class TlsCertificateFailureReportTest {

    private static final String KEYSTORE = "--spring.ssl.bundle.pem.chat.keystore.";

    private static final String CHECK_FILES = "Check that spring.ssl.bundle.pem.chat.keystore.certificate and"
            + " spring.ssl.bundle.pem.chat.keystore.private-key name PEM files that exist and that the user running"
            + " the server can read (e.g. file:/etc/letsencrypt/live/<name>/fullchain.pem and privkey.pem). See"
            + " docs/operating.md#tls.";

    @TempDir
    Path workDir;

    /**
     * A certificate and key that are fine, for the cases where the other file is wrong.
     */
    private static Pem pem;

    @BeforeAll
    static void certificate(@TempDir Path certificates) {
        pem = TlsFixture.selfSigned(certificates, "localhost");
    }

    @Test
    void aTlsPortWithoutACertificate() {
        ProgramRun server = start();

        server.failedWithReport(
                "chat.tls.port is set, but there is no certificate for it: no SSL bundle named 'chat' is configured.",
                "Name the certificate and its private key (PEM files) with"
                        + " --spring.ssl.bundle.pem.chat.keystore.certificate=file:fullchain.pem and"
                        + " --spring.ssl.bundle.pem.chat.keystore.private-key=file:privkey.pem (or in"
                        + " application.yml), or leave chat.tls.port unset to serve the plain port only. See"
                        + " docs/operating.md#tls.");
    }

    @Test
    void aCertificateWithoutItsKey() {

        ProgramRun server = start(KEYSTORE + "certificate=file:" + pem.certificate());

        server.failedWithReport(
                "chat.tls.port is set, and SSL bundle 'chat' has a certificate but no private key, so no client could"
                        + " complete a TLS handshake.",
                "Name the certificate's private key with --spring.ssl.bundle.pem.chat.keystore.private-key="
                        + "file:privkey.pem (or in application.yml). See docs/operating.md#tls.");
    }

    @Test
    void aKeyFileThatDoesNotExist() {
        Path missing = workDir.resolve("no-such-key.pem");

        ProgramRun server = start(KEYSTORE + "certificate=file:" + pem.certificate(),
                KEYSTORE + "private-key=file:" + missing);

        server.failedWithReport("The TLS port's certificate (SSL bundle 'chat') cannot be read: " + missing
                + " (No such file or directory).", CHECK_FILES);
    }

    /** Watching for renewals, Boot looks for the files before anything reads them. */
    @Test
    void aCertificateFileThatDoesNotExistWithRenewalsWatched() {
        Path missing = workDir.resolve("no-such-cert.pem");

        ProgramRun server = start(KEYSTORE + "certificate=file:" + missing,
                KEYSTORE + "private-key=file:" + pem.privateKey(),
                "--spring.ssl.bundle.pem.chat.reload-on-update=true");

        server.failedWithReport("The TLS port's certificate (SSL bundle 'chat') cannot be read: '" + missing
                + "' is neither a file nor a directory.", CHECK_FILES);
    }

    @Test
    void aCertificateFileThatIsNoCertificate() throws IOException {
        Path notPem = Files.writeString(workDir.resolve("cert.txt"), "not a certificate\n");

        ProgramRun server = start(KEYSTORE + "certificate=file:" + notPem,
                KEYSTORE + "private-key=file:" + pem.privateKey());

        server.failedWithReport(
                "The TLS port's certificate (SSL bundle 'chat') cannot be read: Missing certificates or unrecognized"
                        + " format.",
                CHECK_FILES);
    }

    private ProgramRun start(String... bundle) {
        String[] args = new String[bundle.length + 4];
        args[0] = "--chat.port=0";
        args[1] = "--server.port=0";
        args[2] = "--chat.bind-address=127.0.0.1";
        args[3] = "--chat.tls.port=0";
        System.arraycopy(bundle, 0, args, 4, bundle.length);
        ProgramRun server = ProgramRun.main(workDir, args);
        org.assertj.core.api.Assertions.assertThat(server.output())
            .as("no port opened")
            .noneMatch(line -> line.contains("Chat server listening"));
        return server;
    }

}
