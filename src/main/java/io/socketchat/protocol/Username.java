package io.socketchat.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * A chat name: 1 to 20 letters (any script), digits, {@code _}, {@code -} or {@code .}.
 * Names compare case-insensitively through {@link #key()}.
 */
public record Username(String display) {

    public static final int MAX_LENGTH = 20;

    private static final Set<String> RESERVED = Set.of("server", "admin", "system");

    public Username {
        Check check = check(display);
        if (!(check instanceof Check.Valid)) {
            throw new IllegalArgumentException(((Check.Rejected) check).reason());
        }
    }

    /** The form two names share when they are the same name. */
    public String key() {
        return keyOf(display);
    }

    @Override
    public String toString() {
        return display;
    }

    /** Checks a candidate name against the rules, with the reason when it fails. */
    public static Check check(String candidate) {
        int length = candidate.codePointCount(0, candidate.length());
        if (length < 1 || length > MAX_LENGTH) {
            return new Check.Rejected(length < 1 ? "is empty" : "is too long (at most " + MAX_LENGTH + " characters)");
        }
        boolean allowed = candidate.codePoints()
                .allMatch(cp -> Character.isLetter(cp) || Character.isDigit(cp) || cp == '_' || cp == '-' || cp == '.');
        if (!allowed) {
            return new Check.Rejected("has characters that are not allowed (use letters, digits, _ - and .)");
        }
        if (RESERVED.contains(keyOf(candidate))) {
            return new Check.Rejected("is reserved");
        }
        return new Check.Valid();
    }

    public static String keyOf(String name) {
        // lower first: "ẞ" lower-cases to "ß", which upper-cases to "SS", so every spelling ends as "ss"
        return name.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The outcome of {@link #check(String)}. */
    public sealed interface Check {
        record Valid() implements Check {
        }

        record Rejected(String reason) implements Check {
        }
    }
}
