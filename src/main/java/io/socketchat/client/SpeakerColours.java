package io.socketchat.client;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Gives every user a colour of their own, the same in every session and on every client,
 * so a busy chat is easy to follow. Only the name is coloured; the text stays as sent.
 */
final class SpeakerColours {

    // No red: it marks the server's "!" answers. Plain blue is hard to read on dark
    // backgrounds.
    private static final int[] PALETTE = { AttributedStyle.GREEN, AttributedStyle.YELLOW, AttributedStyle.MAGENTA,
            AttributedStyle.CYAN, AttributedStyle.BRIGHT + AttributedStyle.BLUE,
            AttributedStyle.BRIGHT + AttributedStyle.GREEN, AttributedStyle.BRIGHT + AttributedStyle.YELLOW,
            AttributedStyle.BRIGHT + AttributedStyle.MAGENTA, AttributedStyle.BRIGHT + AttributedStyle.CYAN };

    private static final String NAME = "[\\p{L}\\p{N}_.-]{1,20}";

    /** {@code alice: hi} and {@code [private] alice: hi}. */
    private static final Pattern SPEAKER = Pattern.compile("^(\\[private] )?(" + NAME + ")(: .*)$", Pattern.DOTALL);

    /** {@code [private to bob] hi}. */
    private static final Pattern PRIVATE_TO = Pattern.compile("^(\\[private to )(" + NAME + ")(] .*)$", Pattern.DOTALL);

    /** Lines the server speaks as itself, which no user can be named. */
    private static final String SERVER = "Server";

    AttributedString style(String line) {
        if (line.startsWith("! ")) {
            return new AttributedString(line, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
        }
        Matcher speaker = SPEAKER.matcher(line);
        if (speaker.matches()) {
            return nameBetween(speaker);
        }
        Matcher privateTo = PRIVATE_TO.matcher(line);
        if (privateTo.matches()) {
            return nameBetween(privateTo);
        }
        return new AttributedString(line);
    }

    AttributedString name(String name) {
        return new AttributedString(name, styleOf(name));
    }

    AttributedStyle styleOf(String name) {
        if (name.equals(SERVER)) {
            return AttributedStyle.BOLD;
        }
        // Names compare case-insensitively on the server, so "Bob" and "bob" are one
        // person.
        int slot = Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), PALETTE.length);
        return AttributedStyle.DEFAULT.foreground(PALETTE[slot]);
    }

    private AttributedString nameBetween(Matcher match) {
        return new AttributedStringBuilder().append(match.group(1) == null ? "" : match.group(1))
            .append(match.group(2), styleOf(match.group(2)))
            .append(match.group(3))
            .toAttributedString();
    }

}
