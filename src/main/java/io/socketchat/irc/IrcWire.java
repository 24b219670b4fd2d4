package io.socketchat.irc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes IRC lines as the server sends them: CRLF-terminated, never longer than 512 bytes
 * with the CRLF. A text too long for one line goes out as several, split between
 * characters (a letter with its marks, an emoji sequence stay whole), never cut.
 */
final class IrcWire {

    /** The longest line with its CRLF (RFC 1459). */
    static final int MAX_LINE = 512;

    private static final byte[] CRLF = { '\r', '\n' };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    /** One line that is short by construction (a numeric with a nick or two). */
    IrcWire line(String line) {
        // a line a client made too long (a nick of 500 bytes echoed in a numeric) is cut
        // between characters: the client sees the start of what it sent
        out.writeBytes(parts(line, MAX_LINE - 2).get(0).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
        return this;
    }

    /**
     * {@code head :text}, as one line or, when the text does not fit, several with the
     * same head. {@code around} wraps every part (CTCP's {@code \x01ACTION } and
     * {@code \x01}).
     */
    IrcWire text(String head, String text, String before, String after) {
        byte[] start = (head + " :" + before).getBytes(StandardCharsets.UTF_8);
        byte[] end = after.getBytes(StandardCharsets.UTF_8);
        int room = Math.max(MAX_LINE - 2 - start.length - end.length, 16);
        for (String part : parts(text, room)) {
            out.writeBytes(start);
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(end);
            out.writeBytes(CRLF);
        }
        return this;
    }

    IrcWire text(String head, String text) {
        return text(head, text, "", "");
    }

    /**
     * {@code head :word word ...}, as many lines as the words need, each ending at a word
     * (the names of 353).
     */
    IrcWire words(String head, List<String> words) {
        int room = MAX_LINE - 2 - (head + " :").getBytes(StandardCharsets.UTF_8).length;
        StringBuilder line = new StringBuilder();
        int length = 0;
        for (String word : words) {
            int bytes = word.getBytes(StandardCharsets.UTF_8).length;
            if (length > 0 && length + 1 + bytes > room) {
                line(head + " :" + line);
                line.setLength(0);
                length = 0;
            }
            if (length > 0) {
                line.append(' ');
                length++;
            }
            line.append(word);
            length += bytes;
        }
        if (length > 0 || words.isEmpty()) {
            line(head + " :" + line);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] of(String line) {
        return new IrcWire().line(line).bytes();
    }

    /** The text in parts of at most {@code room} bytes, split between characters. */
    static List<String> parts(String text, int room) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= room) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partBytes = 0;
        for (String character : characters(text, room)) {
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (partBytes + bytes > room && partBytes > 0) {
                parts.add(part.toString());
                part.setLength(0);
                partBytes = 0;
            }
            part.append(character);
            partBytes += bytes;
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * The text's characters as a reader sees them; one longer than {@code room} bytes (a
     * letter under hundreds of marks) comes as its code points.
     */
    private static List<String> characters(String text, int room) {
        List<String> characters = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getCharacterInstance(Locale.ROOT);
        boundaries.setText(text);
        int from = boundaries.first();
        for (int to = boundaries.next(); to != BreakIterator.DONE; from = to, to = boundaries.next()) {
            String character = text.substring(from, to);
            if (character.getBytes(StandardCharsets.UTF_8).length <= room) {
                characters.add(character);
            }
            else {
                character.codePoints().forEach(cp -> characters.add(Character.toString(cp)));
            }
        }
        return characters;
    }

}
