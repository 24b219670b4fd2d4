package io.socketchat.protocol;

/**
 * Removes what could drive another user's terminal or disguise a line: C0 controls except
 * TAB, DEL and C1 controls (ESC is a C0 control, so no ANSI escape sequence survives),
 * and the invisible and direction-changing characters that let a name or a message look
 * like something it is not (zero-width spaces and joiners, bidi marks, embeddings,
 * overrides and isolates, the word joiner, the byte order mark).
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    public static boolean isControl(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\t') || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /** U+200B–U+200F, U+202A–U+202E, U+2060–U+2069 and U+FEFF. */
    public static boolean isInvisible(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F) || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x2069) || codePoint == 0xFEFF;
    }

    /** Whether {@link #strip} removes the character. */
    public static boolean isRemoved(int codePoint) {
        return isControl(codePoint) || isInvisible(codePoint);
    }

    public static String strip(String text) {
        int first = firstRemoved(text);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        clean.append(text, 0, first);
        // every removed character is in the BMP, so a surrogate is never one of them
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPrintableAscii(c) || !isRemoved(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static int firstRemoved(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isPrintableAscii(c) && isRemoved(c)) {
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
