package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Collects what the client writes in line mode, and lets a test wait (bounded) for a
 * line.
 */
final class Screen extends OutputStream {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        written.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        written.write(bytes, offset, length);
    }

    synchronized String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The text as lines. */
    List<String> lines() {
        return text().lines().toList();
    }

    void awaitLine(String expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines()).contains(expected));
    }

}
