package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A terminal for tests: JLine writes into JLine's own VT100 emulator, so a test can
 * assert on what a person would actually see on screen, after every redraw, instead of on
 * escape codes.
 */
final class TerminalScreen extends OutputStream {

    static final int COLUMNS = 80;
    static final int ROWS = 24;

    private final ScreenTerminal emulator = new ScreenTerminal(COLUMNS, ROWS);

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);

    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);

    private final CharBuffer decoded = CharBuffer.allocate(1 << 16);

    /**
     * A terminal of the kind JLine's emulator understands, typed on by {@code keyboard}.
     */
    Terminal terminal(Keyboard keyboard) {
        try {
            // JLine's pure-Java line discipline, not a pseudo-terminal of the machine:
            // the same on every host.
            Terminal terminal = new ExternalTerminal("test", "screen-256color", keyboard, this, StandardCharsets.UTF_8);
            terminal.setSize(new Size(COLUMNS, ROWS));
            return terminal;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        raw.write(bytes, offset, length);
        for (int done = 0; done < length;) {
            int chunk = Math.min(pending.remaining(), length - done);
            pending.put(bytes, offset + done, chunk);
            done += chunk;
            pending.flip();
            decoder.decode(pending, decoded, false);
            pending.compact();
            decoded.flip();
            emulator.write(decoded);
            decoded.clear();
        }
    }

    /** What the screen shows, row by row, without trailing blanks. */
    List<String> rows() {
        return emulator.toString().lines().map(row -> row.replace('\0', ' ').stripTrailing()).toList();
    }

    /** The rows down to the last one with something on it. */
    List<String> shownRows() {
        List<String> rows = rows();
        int last = rows.size();
        while (last > 0 && rows.get(last - 1).isEmpty()) {
            last--;
        }
        return rows.subList(0, last);
    }

    /** The bytes as sent, escape codes and all. */
    synchronized String raw() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    void awaitRow(String expected) {
        await().atMost(Screen.PATIENCE).untilAsserted(() -> assertThat(rows()).contains(expected));
    }

    void awaitLastRow(String expected) {
        await().atMost(Screen.PATIENCE).untilAsserted(() -> assertThat(shownRows()).last().isEqualTo(expected));
    }

    @Override
    public String toString() {
        return String.join("\n", shownRows());
    }

}
