package io.socketchat.client;

/**
 * The line the user is typing and where the cursor is in it. Moves by code points, so an
 * emoji or any character outside the BMP is one step, never half of one.
 */
final class TypedLine {

    private final StringBuilder text = new StringBuilder();
    private int cursor;

    String text() {
        return text.toString();
    }

    String beforeCursor() {
        return text.substring(0, cursor);
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** Replaces the whole line (a line from the history) and puts the cursor at its end. */
    void replaceWith(String line) {
        text.setLength(0);
        text.append(line);
        cursor = text.length();
    }

    void insert(int codePoint) {
        text.insert(cursor, Character.toChars(codePoint));
        cursor += Character.charCount(codePoint);
    }

    void deleteBefore() {
        if (cursor > 0) {
            int start = text.offsetByCodePoints(cursor, -1);
            text.delete(start, cursor);
            cursor = start;
        }
    }

    void deleteAt() {
        if (cursor < text.length()) {
            text.delete(cursor, text.offsetByCodePoints(cursor, 1));
        }
    }

    void left() {
        if (cursor > 0) {
            cursor = text.offsetByCodePoints(cursor, -1);
        }
    }

    void right() {
        if (cursor < text.length()) {
            cursor = text.offsetByCodePoints(cursor, 1);
        }
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.length();
    }

    void wordLeft() {
        cursor = startOfWordBefore();
    }

    void wordRight() {
        while (cursor < text.length() && !isWordPart(text.codePointAt(cursor))) {
            right();
        }
        while (cursor < text.length() && isWordPart(text.codePointAt(cursor))) {
            right();
        }
    }

    void killToStart() {
        text.delete(0, cursor);
        cursor = 0;
    }

    void killToEnd() {
        text.setLength(cursor);
    }

    void killWordBefore() {
        int start = startOfWordBefore();
        text.delete(start, cursor);
        cursor = start;
    }

    private int startOfWordBefore() {
        int position = cursor;
        while (position > 0 && !isWordPart(text.codePointBefore(position))) {
            position = text.offsetByCodePoints(position, -1);
        }
        while (position > 0 && isWordPart(text.codePointBefore(position))) {
            position = text.offsetByCodePoints(position, -1);
        }
        return position;
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }
}
