package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node that starts while newcomers knock (a rolling restart behind a load balancer):
 * from the moment its chat port accepts, everyone is welcomed, nobody is refused.
 */
class NodeStartTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void aStartingNodeWelcomesEveryoneFromItsFirstConnection() throws Exception {
        nodes.start("a").join("alice");
        int port = freePort();
        List<String> firstLines = new CopyOnWriteArrayList<>();
        AtomicBoolean knocking = new AtomicBoolean(true);
        Thread knocker = new Thread(() -> {
            while (knocking.get()) {
                String first = firstLine(port);
                if (first != null) {
                    firstLines.add(first);
                }
            }
        }, "knocker");
        knocker.start();
        try {
            // every knock waits in the login dialogue until the server sees it closed:
            // room for all of them, since "busy" is another refusal than this test's
            nodes.start("b", "--chat.port=" + port, "--chat.max-pending=1000000");
            // a few more after the start, so the first ones were surely during it (not
            // thousands: closed knocks count against chat.max-pending until noticed)
            int atStart = firstLines.size();
            long until = System.nanoTime() + 10_000_000_000L;
            while (firstLines.size() < atStart + 5 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        finally {
            knocking.set(false);
            knocker.join(10_000);
        }
        assertThat(firstLines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("Welcome to "));
    }

    /** The first line a new connection gets, or null if the port does not accept yet. */
    private static String firstLine(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
