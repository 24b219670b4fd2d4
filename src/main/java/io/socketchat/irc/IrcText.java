package io.socketchat.irc;

import java.util.regex.Pattern;

import io.socketchat.protocol.Sanitizer;

/**
 * What IRC clients put in a text that no other user may see: mIRC formatting (bold,
 * colours with their numbers, italics, ...), and then every control or invisible
 * character the chat removes from any line.
 */
final class IrcText {

    /**
     * Colour codes with their numbers (^C fg,bg and the hex ^D), then the single-byte
     * codes.
     */
    private static final Pattern FORMATTING = Pattern.compile(
            "\\x03(\\d{1,2}(,\\d{1,2})?)?|\\x04([0-9A-Fa-f]{6}(,[0-9A-Fa-f]{6})?)?|[\\x02\\x0F\\x11\\x16\\x1D\\x1E\\x1F]");

    private IrcText() {
    }

    static String clean(String text) {
        String plain = text.indexOf('\u0003') >= 0 || text.indexOf('\u0004') >= 0
                ? FORMATTING.matcher(text).replaceAll("") : text;
        return Sanitizer.strip(plain);
    }

}
