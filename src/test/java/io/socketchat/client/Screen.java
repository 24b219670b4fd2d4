package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Collects what the client writes, and lets a test wait (bounded) for a line to appear. */
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

    /** The text as lines, with the terminal's escape sequences and carriage returns taken out. */
    List<String> lines() {
        return text().replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001B[()][0-9A-B]", "")
                .replace("\r", "").lines().toList();
    }

    String plainText() {
        return String.join("\n", lines());
    }

    void awaitText(String expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(plainText()).contains(expected));
    }

    void awaitLine(String expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines()).contains(expected));
    }
}
