package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send each line with no line end (the original Python client) join, chat
 * and leave; clients that end their lines with LF are never cut by the pause that ends
 * such lines.
 */
class UnframedClientTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("--chat.max-clients=10", "--chat.history-size=0", "--chat.max-pending=100");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOriginalPythonClientJoinsChatsBothWaysAndLeaves() throws Exception {
        LineClient bob = server.join("pybob");
        try (PythonClient alice = PythonClient.start(server.port())) {
            alice.awaitOutput("Welcome to Socket Chat! Enter your username:");
            alice.type("pyalice");
            alice.awaitOutput("Hello pyalice! ");
            bob.expect("* pyalice joined the chat");

            alice.type("hello");
            bob.expect("pyalice: hello");
            bob.send("hi alice");
            alice.awaitOutput("pybob: hi alice");

            alice.type("exit");
            bob.expect("* pyalice left the chat");
            assertThat(alice.awaitExit()).isZero();
        }
    }

    @Test
    void aJavaClientSendingWithoutLineEndsJoinsChatsBothWaysAndLeaves() {
        LineClient bob = server.join("jbob");
        LineClient alice = joinUnframed("jalice");
        bob.expect("* jalice joined the chat");

        alice.sendRaw(bytes("hello"));
        bob.expect("jalice: hello");
        bob.send("hi alice");
        alice.expect("jbob: hi alice");
        alice.sendRaw(bytes("two\nlines"));
        bob.expect("jalice: two");
        bob.expect("jalice: lines");

        alice.sendRaw(bytes("exit"));
        bob.expect("* jalice left the chat");
        alice.expectClosed();
    }

    @Test
    void aFramedClientsPartialLineIsNeverCutByAPause() {
        LineClient bob = server.join("fbob");
        LineClient carol = server.join("fcarol");
        LineClient dave = joinUnframed("fdave");
        bob.skipUntil("* fdave joined the chat");
        carol.expect("* fdave joined the chat");

        carol.sendRaw(bytes("part one "));
        // dave's chunk is sent after carol's bytes and becomes a line only after a whole
        // pause
        // without more bytes: once bob sees it, carol has paused longer than that too
        dave.sendRaw(bytes("tick"));
        bob.expect("fdave: tick");
        carol.sendRaw(bytes("and the rest\n"));
        bob.expect("fcarol: part one and the rest");
    }

    @Test
    void connectionsHalfWayThroughALineHoldNoThread() {
        List<LineClient> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LineClient client = server.connect();
            client.expectStartingWith("Welcome");
            // a refused name, then the start of a line whose end never comes
            client.sendRaw(bytes("no name\nhalf a li"));
            client.expectStartingWith("! Username \"no name\"");
            waiting.add(client);
        }
        await().atMost(LineClient.TIMEOUT)
            .untilAsserted(() -> assertThat(threadsWaitingForBytes()).as("threads waiting in a connection's read pipe")
                .isZero());
        waiting.forEach(LineClient::close);
    }

    /**
     * Threads parked inside Spring Integration's read pipe, waiting for a connection's
     * next bytes.
     */
    private static long threadsWaitingForBytes() {
        return Thread.getAllStackTraces()
            .values()
            .stream()
            .filter(stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().contains("ChannelInputStream")
                        && frame.getMethodName().equals("getNextBuffer")))
            .count();
    }

    /** Joins as a client that sends its name with no line end. */
    private static LineClient joinUnframed(String name) {
        LineClient client = server.connect();
        client.expect("Welcome to Socket Chat! Enter your username:");
        client.sendRaw(bytes(name));
        client.expectStartingWith("Hello " + name + "! ");
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The original client's way of talking, run by python3 as its users run it. */
    private static final class PythonClient implements AutoCloseable {

        private final Process process;

        private final StringBuffer output = new StringBuffer();

        private PythonClient(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                byte[] chunk = new byte[1024];
                try (InputStream in = process.getInputStream()) {
                    int count;
                    while ((count = in.read(chunk)) > 0) {
                        output.append(new String(chunk, 0, count, StandardCharsets.UTF_8));
                    }
                }
                catch (IOException ended) {
                    // the process is gone
                }
            }, "python-client-output");
            reader.setDaemon(true);
            reader.start();
        }

        static PythonClient start(int port) throws IOException, URISyntaxException {
            Path script = Path.of(UnframedClientTest.class.getResource("/clients/original_client.py").toURI());
            return new PythonClient(
                    new ProcessBuilder("python3", "-u", script.toString(), "127.0.0.1", String.valueOf(port))
                        .redirectErrorStream(true)
                        .start());
        }

        void awaitOutput(String text) {
            await().atMost(LineClient.TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(output.toString()).contains(text));
        }

        /**
         * A line typed at the client's prompt; the client sends it without its line end.
         */
        void type(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(LineClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("client exited").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

    }

}
