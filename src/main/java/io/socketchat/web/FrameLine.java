package io.socketchat.web;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Sanitizer;

/**
 * One WebSocket text frame as a chat line: the frame is the line (a trailing LF or CRLF,
 * as a script may send, is dropped), measured in UTF-8 bytes against the same limit as a
 * TCP line.
 */
final class FrameLine {

    private FrameLine() {
    }

    static InboundLine of(String frame, int maxLineBytes) {
        String text = withoutLineEnd(frame);
        if (exceedsUtf8Bytes(text, maxLineBytes)) {
            return InboundLine.TOO_LONG;
        }
        return new InboundLine.Text(Sanitizer.strip(text));
    }

    private static String withoutLineEnd(String frame) {
        int end = frame.length();
        if (end > 0 && frame.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && frame.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return frame.substring(0, end);
    }

    /**
     * Counts the bytes the text takes in UTF-8, stopping as soon as it passes the limit.
     */
    static boolean exceedsUtf8Bytes(String text, int limit) {
        if (text.length() * 3L <= limit) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            }
            else if (c < 0x800) {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            }
            else {
                // any other BMP character; a lone surrogate (never sent by a browser)
                // counted alike
                bytes += 3;
            }
        }
        return bytes > limit;
    }

}
