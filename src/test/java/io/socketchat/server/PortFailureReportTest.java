package io.socketchat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.socketchat.support.ProgramRun;
import io.socketchat.support.TlsFixture;
import io.socketchat.support.TlsFixture.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port the server cannot open, as an operator meets it: the server started with that
 * port, ending with Spring Boot's report (what is wrong, what to do), not a stack trace.
 */
class PortFailureReportTest {

    @TempDir
    Path workDir;

    @Test
    void theChatPortTakenByAnotherProgram() throws IOException {
        try (ServerSocket other = taken()) {
            int port = other.getLocalPort();

            ProgramRun server = ProgramRun.main(workDir, "--chat.port=" + port, "--server.port=0",
                    "--chat.bind-address=127.0.0.1");

            server.failedWithReport("The chat's port " + port + " on 127.0.0.1 is already in use by another program.",
                    "Stop the program that holds port " + port
                            + ", or give the chat another port with --chat.port=<port> (0 picks any free port).");
        }
    }

    @Test
    void theTlsPortTakenByAnotherProgram() throws IOException {
        Pem pem = TlsFixture.selfSigned(workDir.resolve("certificates"), "localhost");
        try (ServerSocket other = taken()) {
            int port = other.getLocalPort();

            ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=0",
                    "--chat.bind-address=127.0.0.1", "--chat.tls.port=" + port,
                    "--spring.ssl.bundle.pem.chat.keystore.certificate=file:" + pem.certificate(),
                    "--spring.ssl.bundle.pem.chat.keystore.private-key=file:" + pem.privateKey());

            server.failedWithReport(
                    "The chat's TLS port " + port + " on 127.0.0.1 is already in use by another program.",
                    "Stop the program that holds port " + port
                            + ", or give the chat another port with --chat.tls.port=<port> (0 picks any free port).");
        }
    }

    /** Spring Boot's own report for its web server, after the chat port was open. */
    @Test
    void theHttpPortTakenByAnotherProgram() throws IOException {
        try (ServerSocket other = taken()) {
            int port = other.getLocalPort();

            ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=" + port,
                    "--chat.bind-address=127.0.0.1");

            server.failedWithReport("Web server failed to start. Port " + port + " was already in use.",
                    "Identify and stop the process that's listening on port " + port
                            + " or configure this application to listen on another port.");
        }
    }

    @Test
    void aBindAddressThatIsNotThisMachines() {
        // 192.0.2.0/24 is kept for documentation (RFC 5737): no machine has it
        ProgramRun server = ProgramRun.main(workDir, "--chat.port=0", "--server.port=0",
                "--chat.bind-address=192.0.2.1");

        server.failedWithReport("The chat cannot listen on 192.0.2.1: it is not an address of this machine.",
                "Set chat.bind-address to an address of this machine: 0.0.0.0 for all of them, 127.0.0.1 for this"
                        + " machine only.");
    }

    private static ServerSocket taken() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

}
