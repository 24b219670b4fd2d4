package io.socketchat.protocol;

import java.nio.charset.StandardCharsets;

/** Turns the bytes of one LF-terminated line into the text others may see. */
public final class LineDecoder {

    private LineDecoder() {
    }

    /**
     * @param bytes the line's bytes without its LF
     * @param length how many of {@code bytes} belong to the line
     * @return the text: a CR before the LF dropped, invalid UTF-8 as U+FFFD, control
     * characters removed
     */
    public static String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    /** As {@link #decode(byte[], int)}, for a line that starts at {@code offset}. */
    public static String decode(byte[] bytes, int offset, int length) {
        return Sanitizer.strip(new String(bytes, offset, contentLength(bytes, offset, length), StandardCharsets.UTF_8));
    }

    /**
     * As {@link #decode(byte[], int, int)} with control characters kept, for a protocol
     * that gives some of them meaning (IRC's CTCP) and sanitizes its parts itself.
     */
    public static String decodeUnsanitized(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, contentLength(bytes, offset, length), StandardCharsets.UTF_8);
    }

    /**
     * As {@link #decode(byte[], int, int)}, for content known to be printable ASCII (0x20
     * to 0x7E) with no CR: nothing in it to replace or remove, so it is only copied.
     */
    public static String decodePrintable(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** The length of a line's content in bytes, not counting a CR right before its LF. */
    public static int contentLength(byte[] bytes, int length) {
        return contentLength(bytes, 0, length);
    }

    /**
     * As {@link #contentLength(byte[], int)}, for a line that starts at {@code offset}.
     */
    public static int contentLength(byte[] bytes, int offset, int length) {
        return length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
    }

}
