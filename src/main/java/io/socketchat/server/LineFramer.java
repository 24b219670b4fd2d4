package io.socketchat.server;

import java.util.Arrays;
import java.util.List;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.LineDecoder;

/**
 * Cuts one connection's bytes into lines, as PROTOCOL.md's framing rules say: an LF ends
 * a line (a CR before it is dropped), a line over {@code maxLineBytes} is kept to nothing
 * and answered as {@link InboundLine#TOO_LONG} once its LF comes, and a connection whose
 * first input ends in a pause instead of an LF is <em>unframed</em>: from then on a pause
 * also ends a line. A connection whose first line ends with LF is framed for good.
 *
 * <p>
 * Not thread-safe: its {@link InboundOrder} calls it under one lock.
 */
final class LineFramer {

    private enum Mode {

        UNDECIDED, FRAMED, UNFRAMED

    }

    private static final int INITIAL_CAPACITY = 64;

    private static final byte[] NONE = new byte[0];

    private final int maxLineBytes;

    /**
     * False for another face's lines (IRC): framed by LF only, never by a pause, and not
     * sanitized ({@link Doorway#maxLineBytes}).
     */
    private final boolean lineProtocol;

    /** The bytes of the line not yet ended: at most one more than the limit, for a CR. */
    private byte[] partial = NONE;

    private int length;

    private boolean tooLong;

    /** Whether the bytes kept so far are all printable ASCII. */
    private boolean partialPrintable = true;

    private Mode mode = Mode.UNDECIDED;

    LineFramer(int maxLineBytes) {
        this(maxLineBytes, true);
    }

    LineFramer(int maxLineBytes, boolean lineProtocol) {
        this.maxLineBytes = maxLineBytes;
        this.lineProtocol = lineProtocol;
        if (!lineProtocol) {
            mode = Mode.FRAMED;
        }
    }

    /**
     * Frames every line that the bytes complete, in order; what follows the last LF waits
     * for more.
     *
     * <p>
     * The same pass notes whether a line is printable ASCII only (but for a CR before its
     * LF), as nearly every chat line is: such a line has nothing to decode or remove, so
     * it skips the per-character look at it ({@link LineDecoder#decodePrintable}).
     */
    void feed(byte[] bytes, int offset, int count, List<InboundLine> lines) {
        int end = offset + count;
        int start = offset;
        // the first byte of the line in this chunk that is not printable ASCII, or -1
        int unusual = -1;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            // bytes are signed: below 0x20 are the controls, LF among them, and every
            // byte of a UTF-8 sequence beyond ASCII
            if (b >= 0x20 && b != 0x7F) {
                continue;
            }
            if (b != '\n') {
                if (unusual < 0) {
                    unusual = i;
                }
                continue;
            }
            boolean printable = unusual < 0 || (unusual == i - 1 && bytes[unusual] == '\r');
            if (length == 0 && !tooLong) {
                // the usual case: the whole line is in this chunk, decode it from there
                lines.add(line(bytes, start, i - start, printable));
            }
            else {
                partialPrintable &= printable;
                keep(bytes, start, i - start);
                lines.add(takePartial());
            }
            if (mode == Mode.UNDECIDED) {
                mode = Mode.FRAMED;
            }
            start = i + 1;
            unusual = -1;
        }
        if (start < end) {
            partialPrintable &= unusual < 0;
            keep(bytes, start, end - start);
        }
    }

    /**
     * @return true when bytes wait for their line's end and a pause may end it
     */
    boolean waitsForPause() {
        return mode != Mode.FRAMED && hasPartial();
    }

    /**
     * The client paused after its last chunk: on a connection that is not framed the
     * waiting bytes are one line (and the connection is unframed from now on).
     * @return that line, or null when a pause ends nothing here
     */
    InboundLine pauseEnded() {
        if (!waitsForPause()) {
            return null;
        }
        mode = Mode.UNFRAMED;
        return takePartial();
    }

    /**
     * The input ended: on an unframed connection the last chunk is a line as if a pause
     * had followed it; elsewhere bytes after the last LF are dropped.
     * @return that last line, or null
     */
    InboundLine inputEnded() {
        InboundLine last = mode == Mode.UNFRAMED && hasPartial() ? takePartial() : null;
        partial = NONE;
        length = 0;
        tooLong = false;
        partialPrintable = true;
        return last;
    }

    private boolean hasPartial() {
        return length > 0 || tooLong;
    }

    private void keep(byte[] bytes, int from, int count) {
        // one byte more than the limit, for the CR of a CRLF
        int room = maxLineBytes + 1 - length;
        int kept = Math.min(count, Math.max(room, 0));
        if (kept < count) {
            tooLong = true;
        }
        if (kept == 0) {
            return;
        }
        if (length + kept > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(maxLineBytes + 1,
                    Math.max(length + kept, Math.max(INITIAL_CAPACITY, partial.length * 2))));
        }
        System.arraycopy(bytes, from, partial, length, kept);
        length += kept;
    }

    private InboundLine takePartial() {
        InboundLine line = tooLong ? InboundLine.TOO_LONG : line(partial, 0, length, partialPrintable);
        length = 0;
        tooLong = false;
        partialPrintable = true;
        if (partial.length > INITIAL_CAPACITY) {
            // a long line's buffer is not kept for an idle connection
            partial = NONE;
        }
        return line;
    }

    private InboundLine line(byte[] bytes, int from, int count, boolean printable) {
        int content = LineDecoder.contentLength(bytes, from, count);
        if (content > maxLineBytes) {
            return InboundLine.TOO_LONG;
        }
        if (printable) {
            return new InboundLine.Text(LineDecoder.decodePrintable(bytes, from, content));
        }
        return new InboundLine.Text(lineProtocol ? LineDecoder.decode(bytes, from, count)
                : LineDecoder.decodeUnsanitized(bytes, from, count));
    }

}
