package io.socketchat.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The text of a benchmark message and how to read it back out of a delivery line.
 *
 * <p>
 * A client sends {@code ~<run> <sender> <seq> <sentNanos> <padding>} and every other user
 * receives {@code <name>: ~<run> <sender> <seq> <sentNanos> <padding>}. {@code run} is
 * six letters that differ between runs, so lines of earlier runs (history, another
 * benchmark on the same server) are never counted; {@code sender} is the client's index,
 * {@code seq} counts from 0 per sender, {@code sentNanos} is the sender's
 * {@link System#nanoTime()} minus the run's start. Padding fills the text to the
 * requested payload size. One instance belongs to one run and one thread: decoding writes
 * its fields, so the hot path allocates nothing.
 */
public final class BenchMessage {

    static final byte MARK = '~';
    static final int RUN_ID_LENGTH = 6;

    private static final byte PAD = '.';

    private static final int MAX_NAME = 20;

    private final byte[] runId;

    private final int payload;

    private final byte[][] senderNames;

    private final byte[] padding;

    /** Fields of the last successful {@link #decodeDelivery}. */
    public int sender;

    public int seq;

    public long sentNanos;

    /**
     * @param runId six letters or digits
     * @param payload requested message text size in bytes; the header alone is used if it
     * is longer
     * @param senderNames usernames by client index, to check the {@code name:} prefix of
     * a delivery
     */
    public BenchMessage(String runId, int payload, String[] senderNames) {
        if (runId.length() != RUN_ID_LENGTH || !runId.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("run id must be " + RUN_ID_LENGTH + " letters or digits");
        }
        this.runId = runId.getBytes(StandardCharsets.US_ASCII);
        this.payload = payload;
        this.senderNames = new byte[senderNames.length][];
        for (int i = 0; i < senderNames.length; i++) {
            this.senderNames[i] = senderNames[i].getBytes(StandardCharsets.UTF_8);
        }
        this.padding = new byte[payload];
        java.util.Arrays.fill(padding, PAD);
    }

    /** A random run id. */
    public static String newRunId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(RUN_ID_LENGTH);
        for (int i = 0; i < RUN_ID_LENGTH; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Most bytes one encoded line (text and LF) can take. */
    public int maxLineBytes() {
        return Math.max(payload, 1 + RUN_ID_LENGTH + 1 + 10 + 1 + 10 + 1 + 19) + 1;
    }

    /**
     * Appends one message line (with LF) to {@code out}, which must have
     * {@link #maxLineBytes()} bytes free.
     * @return the bytes written
     */
    public int encode(ByteBuffer out, int senderIndex, int sequence, long nanos) {
        int start = out.position();
        out.put(MARK).put(runId).put((byte) ' ');
        putDecimal(out, senderIndex);
        out.put((byte) ' ');
        putDecimal(out, sequence);
        out.put((byte) ' ');
        putDecimal(out, nanos);
        int header = out.position() - start;
        if (payload > header) {
            out.put((byte) ' ');
            out.put(padding, 0, payload - header - 1);
        }
        out.put((byte) '\n');
        return out.position() - start;
    }

    /** The text of one message (no LF), for tests and tools. */
    public String encodeToString(int senderIndex, int sequence, long nanos) {
        ByteBuffer b = ByteBuffer.allocate(maxLineBytes());
        int n = encode(b, senderIndex, sequence, nanos);
        return new String(b.array(), 0, n - 1, StandardCharsets.UTF_8);
    }

    /**
     * Reads a delivery line {@code <name>: <message>} from {@code line[from, to)} (no LF,
     * no CR). True when it is a message of this run whose sender index matches the name
     * in front; then {@link #sender}, {@link #seq} and {@link #sentNanos} hold its
     * fields.
     */
    public boolean decodeDelivery(byte[] line, int from, int to) {
        int limit = Math.min(to, from + MAX_NAME + 1);
        int colon = -1;
        for (int i = from; i < limit; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= from) {
            return false;
        }
        int p = colon + 1;
        if (to - p < 3 + RUN_ID_LENGTH || line[p] != ' ' || line[p + 1] != MARK) {
            return false;
        }
        p += 2;
        for (int i = 0; i < RUN_ID_LENGTH; i++) {
            if (line[p + i] != runId[i]) {
                return false;
            }
        }
        p += RUN_ID_LENGTH;
        if (line[p++] != ' ') {
            return false;
        }
        // sender
        long v = 0;
        int digits = 0;
        while (p < to && line[p] != ' ') {
            int d = line[p++] - '0';
            if (d < 0 || d > 9 || ++digits > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        if (digits == 0 || p >= to || v >= senderNames.length) {
            return false;
        }
        int s = (int) v;
        p++;
        v = 0;
        digits = 0;
        while (p < to && line[p] != ' ') {
            int d = line[p++] - '0';
            if (d < 0 || d > 9 || ++digits > 10) {
                return false;
            }
            v = v * 10 + d;
        }
        if (digits == 0 || p >= to || v > Integer.MAX_VALUE) {
            return false;
        }
        int q = (int) v;
        p++;
        v = 0;
        digits = 0;
        while (p < to && line[p] != ' ') {
            int d = line[p++] - '0';
            if (d < 0 || d > 9 || ++digits > 18) {
                return false;
            }
            v = v * 10 + d;
        }
        if (digits == 0) {
            return false;
        }
        byte[] name = senderNames[s];
        if (name.length != colon - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (line[from + i] != name[i]) {
                return false;
            }
        }
        sender = s;
        seq = q;
        sentNanos = v;
        return true;
    }

    private static void putDecimal(ByteBuffer out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative field " + value);
        }
        if (value == 0) {
            out.put((byte) '0');
            return;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = out.position() + digits;
        for (int i = end - 1; i >= end - digits; i--) {
            out.put(i, (byte) ('0' + value % 10));
            value /= 10;
        }
        out.position(end);
    }

}
