package io.socketchat.protocol;

/**
 * Removes what could drive another user's terminal or disguise a line: C0 controls except
 * TAB, DEL and C1 controls (ESC is a C0 control, so no ANSI escape sequence survives),
 * and the invisible and direction-changing characters that let a line look like something
 * it is not (the zero-width space, bidi marks, embeddings, overrides and isolates, the
 * word joiner, the byte order mark). The joiners ZWNJ and ZWJ and the variation selectors
 * stay in messages: emoji sequences and words in Persian, Malayalam or Devanagari need
 * them. Names lose the joiners too ({@link #stripName}): a name must not hide a
 * character.
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    public static boolean isControl(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\t') || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /**
     * The characters that can disguise a message: U+200B, U+200E, U+200F, U+202A–U+202E,
     * U+2060–U+2069 and U+FEFF.
     */
    public static boolean isInvisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2060 && codePoint <= 0x2069)
                || codePoint == 0xFEFF;
    }

    /** The zero-width non-joiner and joiner (U+200C, U+200D): kept in messages only. */
    public static boolean isJoiner(int codePoint) {
        return codePoint == 0x200C || codePoint == 0x200D;
    }

    /** Whether {@link #strip} removes the character. */
    public static boolean isRemoved(int codePoint) {
        return isControl(codePoint) || isInvisible(codePoint);
    }

    /** A line as others may see it: controls and disguising characters removed. */
    public static String strip(String text) {
        return strip(text, false);
    }

    /**
     * A name as typed, once its line is stripped: the joiners are removed too
     * (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF in all).
     */
    public static String stripName(String text) {
        return strip(text, true);
    }

    private static String strip(String text, boolean name) {
        int first = firstRemoved(text, name);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        clean.append(text, 0, first);
        // every removed character is in the BMP, so a surrogate is never one of them
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPrintableAscii(c) || !removed(c, name)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean removed(char c, boolean name) {
        return isRemoved(c) || (name && isJoiner(c));
    }

    private static int firstRemoved(String text, boolean name) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isPrintableAscii(c) && removed(c, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Most characters of most lines: one comparison instead of the checks above. */
    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7F;
    }

}
