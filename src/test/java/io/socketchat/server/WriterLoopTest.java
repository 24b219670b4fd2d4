package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.socketchat.room.ClientConnections;
import io.socketchat.room.Outbox;
import io.socketchat.room.Outboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The writer loop with no Spring context: real loopback sockets with small buffers (so
 * that they fill after a few kilobytes), connections sent to directly instead of through
 * the adapter.
 */
@Timeout(60)
class WriterLoopTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Map<String, ChatNioConnection> open = new ConcurrentHashMap<>();

    private final List<AutoCloseable> resources = new ArrayList<>();

    private final WriterLoop loop = new WriterLoop(open::get, this::send);

    private final Thread loopThread = new Thread(loop, "test-writer");

    WriterLoopTest() {
        loopThread.setDaemon(true);
        loopThread.start();
    }

    @AfterEach
    void stop() throws Exception {
        loop.stop();
        loopThread.join(PATIENCE.toMillis());
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private boolean send(ChatNioConnection connection, ByteBuffer batch) {
        connection.send(MessageBuilder.withPayload(batch).build());
        return true;
    }

    /**
     * One accepted connection, the client's end of it, and the outbox the loop drains
     * into it.
     */
    private record Link(ChatNioConnection connection, SocketChannel client, Outbox outbox) {

        /** Reads (blocking) until {@code expected} bytes have arrived. */
        byte[] read(int expected) throws IOException {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = client.socket().getInputStream();
            byte[] buffer = new byte[8192];
            while (got.size() < expected) {
                int n = in.read(buffer, 0, Math.min(buffer.length, expected - got.size()));
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
            return got.toByteArray();
        }
    }

    private Link link(String id) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        resources.add(listener);
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        SocketChannel client = SocketChannel.open();
        resources.add(client);
        client.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        client.connect(listener.getLocalAddress());
        // a read that waits longer fails the test instead of hanging it
        client.socket().setSoTimeout((int) PATIENCE.toMillis());
        SocketChannel accepted = listener.accept();
        resources.add(accepted);
        accepted.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        accepted.configureBlocking(false);
        ChatNioConnection connection = new ChatNioConnection(accepted, true, false, event -> {
        }, "test");
        open.put(id, connection);
        ClientConnections transport = new ClientConnections() {
            @Override
            public void drain(Outbox outbox) {
                loop.drain(outbox);
            }

            @Override
            public boolean isBacklogged(String connectionId) {
                return connection.hasBacklog();
            }

            @Override
            public void close(String connectionId) {
                open.remove(connectionId);
            }
        };
        return new Link(connection, client, Outboxes.outbox(id, 100_000, transport));
    }

    private static String lines(String prefix, int count, int width) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String head = prefix + " " + i + " ";
            text.append(head).append(".".repeat(width - head.length())).append('\n');
        }
        return text.toString();
    }

    private static void offerLines(Outbox outbox, String text) {
        text.lines().forEach(line -> Outboxes.offer(outbox, line));
    }

    @Test
    void moreThanTheSocketTakesArrivesWholeAndInOrderOnceTheClientReads() throws Exception {
        Link alice = link("alice");
        // far more than the socket buffers hold: most of it goes through the backlog, in
        // pieces
        String text = lines("line", 4000, 100);

        offerLines(alice.outbox(), text);
        await().atMost(PATIENCE).until(alice.connection()::hasBacklog);

        byte[] got = alice.read(text.length());
        assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(text);
        await().atMost(PATIENCE).until(() -> !alice.connection().hasBacklog());
    }

    @Test
    void aFullSocketHoldsUpNobodyElse() throws Exception {
        Link stuck = link("stuck");
        Link bob = link("bob");
        offerLines(stuck.outbox(), lines("stuck", 4000, 100));
        await().atMost(PATIENCE).until(stuck.connection()::hasBacklog);

        offerLines(bob.outbox(), "hi bob");

        assertThat(new String(bob.read(7), StandardCharsets.UTF_8)).isEqualTo("hi bob\n");
        assertThat(stuck.connection().hasBacklog()).isTrue();
    }

    @Test
    void anOutboxServedWhileItsConnectionAlreadyHasABacklogIsWrittenOnceTheSocketDrains() throws Exception {
        Link alice = link("alice");
        // bytes that did not fit are waiting in the backlog before the outbox is ever
        // served
        byte[] earlier = lines("earlier", 2000, 100).getBytes(StandardCharsets.UTF_8);
        alice.connection().send(MessageBuilder.withPayload(ByteBuffer.wrap(earlier)).build());
        assertThat(alice.connection().hasBacklog()).isTrue();

        Outboxes.offer(alice.outbox(), "after");

        byte[] got = alice.read(earlier.length + "after\n".length());
        assertThat(Arrays.copyOfRange(got, 0, earlier.length)).isEqualTo(earlier);
        assertThat(new String(got, earlier.length, got.length - earlier.length, StandardCharsets.UTF_8))
            .isEqualTo("after\n");
    }

}
