package io.socketchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;

/**
 * The server lines the benchmark reacts to, taken from {@link Replies} (the protocol's
 * exact lines) rather than copied: the parts around a name or a number are cut out of a
 * sample line.
 */
final class ProtocolLines {

    private static final Username SAMPLE = new Username("x");

    static final String PASSWORD = Replies.PASSWORD;
    static final String HISTORY_END = Replies.HISTORY_END;

    /** {@code "* "}: what a notice about a user starts with, before the name. */
    static final String NOTICE_START = Replies.joined(SAMPLE).substring(0, Replies.joined(SAMPLE).indexOf("x"));

    /** {@code " joined the chat"}. */
    static final byte[] JOINED_END = afterName(Replies.joined(SAMPLE));

    /** {@code " was disconnected (not reading)"}. */
    static final byte[] NOT_READING_END = afterName(Replies.notReading(SAMPLE));

    /** {@code "Enter your username:"}, the end of the welcome line. */
    static final String NAME_QUESTION_END = Replies.welcome("x").substring(Replies.welcome("x").indexOf("x! ") + 3);

    private static final String HELLO_SAMPLE = Replies.hello(SAMPLE, List.of("A", "B"));

    /** {@code "Hello "}. */
    private static final String HELLO_START = HELLO_SAMPLE.substring(0, HELLO_SAMPLE.indexOf("x! "));

    /** {@code " online: "}: what stands before the list of names. */
    private static final String ONLINE;

    /** {@code ", "}. */
    private static final String NAME_SEPARATOR = HELLO_SAMPLE.substring(HELLO_SAMPLE.indexOf("A") + 1,
            HELLO_SAMPLE.indexOf("B"));

    /** {@code ". Type /help for commands, exit to leave."}. */
    private static final String HELLO_END = HELLO_SAMPLE.substring(HELLO_SAMPLE.indexOf("B") + 1);

    private static final String HISTORY_ONE = Replies.historyStart(1);

    /** {@code "-- last "}: the history's first line up to its count. */
    private static final String HISTORY_START = HISTORY_ONE.substring(0, HISTORY_ONE.indexOf('1'));

    static {
        String beforeList = HELLO_SAMPLE.substring(0, HELLO_SAMPLE.indexOf("A" + NAME_SEPARATOR));
        ONLINE = beforeList.substring(beforeList.lastIndexOf(' ', beforeList.length() - 2));
    }

    private ProtocolLines() {
    }

    static boolean isHello(String line, String name) {
        return line.startsWith(HELLO_START + name + "! ");
    }

    /** The names the Hello line lists as online (the new user among them). */
    static List<String> namesOnline(String helloLine) {
        int start = helloLine.indexOf(ONLINE);
        if (start < 0 || !helloLine.endsWith(HELLO_END)) {
            return List.of();
        }
        String list = helloLine.substring(start + ONLINE.length(), helloLine.length() - HELLO_END.length());
        return Arrays.asList(list.split(NAME_SEPARATOR));
    }

    /**
     * {@code -- last 1 message --} or {@code -- last N messages --}, exactly as the
     * server words it.
     */
    static boolean isHistoryStart(String line) {
        if (!line.startsWith(HISTORY_START)) {
            return false;
        }
        int end = HISTORY_START.length();
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        if (end == HISTORY_START.length() || end - HISTORY_START.length() > 9) {
            return false;
        }
        return line.equals(Replies.historyStart(Integer.parseInt(line.substring(HISTORY_START.length(), end))));
    }

    /**
     * The name in a notice {@code "* <name><end>"} in {@code line[from, to)}, or null if
     * it is not one.
     */
    static String noticeName(byte[] line, int from, int to, byte[] end) {
        int nameStart = from + NOTICE_START.length();
        int nameEnd = to - end.length;
        if (nameEnd <= nameStart || line[from] != NOTICE_START.charAt(0)) {
            return null;
        }
        for (int i = 0; i < end.length; i++) {
            if (line[nameEnd + i] != end[i]) {
                return null;
            }
        }
        return new String(line, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    private static byte[] afterName(String sampleNotice) {
        return sampleNotice.substring(sampleNotice.indexOf("x") + 1).getBytes(StandardCharsets.UTF_8);
    }

}
