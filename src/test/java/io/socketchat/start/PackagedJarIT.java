package io.socketchat.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.socketchat.support.ProgramRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as {@code java -jar} runs it (its manifest's main class, the chat's
 * context as the build worked it out ahead of time): {@code --help}, and a failure report
 * from the first of the two contexts.
 */
class PackagedJarIT {

    @TempDir
    Path workDir;

    @Test
    void helpFromTheJar() {
        ProgramRun run = ProgramRun.jar(workDir, "--help");

        assertThat(run.output()).isEqualTo(JarHelp.TEXT.lines().toList());
        assertThat(run.status()).isZero();
    }

    @Test
    void aTakenChatPortEndsWithTheReport() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = other.getLocalPort();

            ProgramRun server = ProgramRun.jar(workDir, "--chat.port=" + port, "--server.port=0",
                    "--chat.bind-address=127.0.0.1");

            server.failedWithReport("The chat's port " + port + " on 127.0.0.1 is already in use by another program.",
                    "Stop the program that holds port " + port
                            + ", or give the chat another port with --chat.port=<port> (0 picks any free port).");
        }
    }

}
