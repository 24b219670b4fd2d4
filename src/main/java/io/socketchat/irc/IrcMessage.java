package io.socketchat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line from an IRC client: its command (upper case) and parameters, the last of them
 * the trailing one when it began with a colon. Tags and a prefix, which clients may send,
 * are skipped: the server knows who sent the line.
 */
record IrcMessage(String command, List<String> params) {

    static IrcMessage parse(String line) {
        int at = 0;
        int length = line.length();
        if (line.startsWith("@")) {
            at = skipWord(line, at);
        }
        at = skipSpaces(line, at);
        if (at < length && line.charAt(at) == ':') {
            at = skipSpaces(line, skipWord(line, at));
        }
        int end = wordEnd(line, at);
        String command = line.substring(at, end).toUpperCase(Locale.ROOT);
        List<String> params = new ArrayList<>();
        at = skipSpaces(line, end);
        while (at < length) {
            if (line.charAt(at) == ':') {
                params.add(line.substring(at + 1));
                break;
            }
            end = wordEnd(line, at);
            params.add(line.substring(at, end));
            at = skipSpaces(line, end);
        }
        return new IrcMessage(command, params);
    }

    boolean has(int count) {
        return params.size() >= count;
    }

    String param(int index) {
        return params.get(index);
    }

    private static int wordEnd(String line, int at) {
        int space = line.indexOf(' ', at);
        return space < 0 ? line.length() : space;
    }

    private static int skipWord(String line, int at) {
        return wordEnd(line, at);
    }

    private static int skipSpaces(String line, int at) {
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

}
