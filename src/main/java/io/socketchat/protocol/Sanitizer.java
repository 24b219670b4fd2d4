package io.socketchat.protocol;

/**
 * Removes what could drive another user's terminal: C0 controls except TAB, DEL and C1
 * controls. ESC is a C0 control, so no ANSI escape sequence survives.
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    public static boolean isControl(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\t') || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    public static String strip(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        clean.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
