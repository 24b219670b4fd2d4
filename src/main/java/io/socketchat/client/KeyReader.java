package io.socketchat.client;

import java.io.IOException;

import io.socketchat.client.Keystroke.Kind;
import org.jline.utils.NonBlockingReader;

/**
 * Turns what the terminal sends into {@link Keystroke}s: printable characters, control keys
 * (the usual Emacs-style ones a shell also knows) and the escape sequences of arrows, Home,
 * End and Delete in both the normal and the application cursor mode.
 */
final class KeyReader {

    /** How long an ESC may wait for the rest of its sequence before it counts as a lone ESC. */
    private static final long SEQUENCE_PATIENCE_MS = 50;
    /** Longest escape sequence worth decoding; anything longer is skipped as unknown. */
    private static final int MAX_SEQUENCE = 16;

    private final NonBlockingReader input;

    KeyReader(NonBlockingReader input) {
        this.input = input;
    }

    Keystroke next() throws IOException {
        int c = input.read();
        if (c < 0) {
            return Keystroke.of(Kind.END_OF_INPUT);
        }
        return switch (c) {
            case '\r', '\n' -> Keystroke.of(Kind.ENTER);
            case 0x7f, '\b' -> Keystroke.of(Kind.BACKSPACE);
            case 0x01 -> Keystroke.of(Kind.HOME);
            case 0x02 -> Keystroke.of(Kind.LEFT);
            case 0x04 -> Keystroke.of(Kind.CTRL_D);
            case 0x05 -> Keystroke.of(Kind.END);
            case 0x06 -> Keystroke.of(Kind.RIGHT);
            case 0x0b -> Keystroke.of(Kind.KILL_TO_END);
            case 0x0c -> Keystroke.of(Kind.REDRAW);
            case 0x0e -> Keystroke.of(Kind.DOWN);
            case 0x10 -> Keystroke.of(Kind.UP);
            case 0x15 -> Keystroke.of(Kind.KILL_TO_START);
            case 0x17 -> Keystroke.of(Kind.KILL_WORD);
            case 0x1b -> escape();
            default -> c < 0x20 ? Keystroke.of(Kind.OTHER) : typed((char) c);
        };
    }

    private Keystroke typed(char c) throws IOException {
        if (Character.isHighSurrogate(c)) {
            int low = input.read(SEQUENCE_PATIENCE_MS);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                return Keystroke.typed(Character.toCodePoint(c, (char) low));
            }
            return Keystroke.of(Kind.OTHER);
        }
        return Keystroke.typed(c);
    }

    private Keystroke escape() throws IOException {
        int c = input.read(SEQUENCE_PATIENCE_MS);
        return switch (c) {
            case '[' -> controlSequence();
            case 'O' -> cursorKey(input.read(SEQUENCE_PATIENCE_MS), "");
            case 'b', 'B' -> Keystroke.of(Kind.WORD_LEFT);
            case 'f', 'F' -> Keystroke.of(Kind.WORD_RIGHT);
            case 0x7f, '\b' -> Keystroke.of(Kind.KILL_WORD);
            default -> Keystroke.of(Kind.OTHER);
        };
    }

    /** {@code ESC [ parameters final}: cursor keys, or {@code ESC [ n ~} for Home, End, Delete. */
    private Keystroke controlSequence() throws IOException {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < MAX_SEQUENCE; i++) {
            int c = input.read(SEQUENCE_PATIENCE_MS);
            if (c < 0) {
                return Keystroke.of(Kind.OTHER);
            }
            if (c >= 0x40 && c <= 0x7e) {
                return c == '~' ? tildeKey(parameters.toString()) : cursorKey(c, parameters.toString());
            }
            parameters.append((char) c);
        }
        return Keystroke.of(Kind.OTHER);
    }

    private static Keystroke cursorKey(int c, String parameters) {
        // "1;5" is Ctrl, "1;3" is Alt: both move by words, as in a shell.
        boolean byWord = parameters.endsWith(";5") || parameters.endsWith(";3");
        return switch (c) {
            case 'A' -> Keystroke.of(Kind.UP);
            case 'B' -> Keystroke.of(Kind.DOWN);
            case 'C' -> Keystroke.of(byWord ? Kind.WORD_RIGHT : Kind.RIGHT);
            case 'D' -> Keystroke.of(byWord ? Kind.WORD_LEFT : Kind.LEFT);
            case 'H' -> Keystroke.of(Kind.HOME);
            case 'F' -> Keystroke.of(Kind.END);
            default -> Keystroke.of(Kind.OTHER);
        };
    }

    private static Keystroke tildeKey(String parameters) {
        return switch (parameters) {
            case "1", "7" -> Keystroke.of(Kind.HOME);
            case "4", "8" -> Keystroke.of(Kind.END);
            case "3" -> Keystroke.of(Kind.DELETE);
            default -> Keystroke.of(Kind.OTHER);
        };
    }
}
