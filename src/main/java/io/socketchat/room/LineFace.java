package io.socketchat.room;

import java.util.ArrayList;
import java.util.List;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;

/**
 * The line protocol's face (TCP, TLS and the browser page): every event as PROTOCOL.md
 * words it, one LF-terminated line each.
 */
public final class LineFace implements Face {

    public static final LineFace INSTANCE = new LineFace();

    private LineFace() {
    }

    @Override
    public int slot() {
        return 0;
    }

    @Override
    public byte[] reply(Username to, String line) {
        return Outbox.encode(line);
    }

    @Override
    public byte[] farewell(Username to, String line) {
        return Outbox.encode(line);
    }

    @Override
    public byte[] publicLine(String line) {
        return Outbox.encode(line);
    }

    @Override
    public byte[] notice(String line) {
        return Outbox.encode(line);
    }

    @Override
    public byte[] closing(String line) {
        return Outbox.encode(line);
    }

    @Override
    public byte[] privateFrom(Username from, Username to, String text) {
        return Outbox.encode(Replies.privateFrom(from, text));
    }

    @Override
    public byte[] joined(Username name) {
        return Outbox.encode(Replies.joined(name));
    }

    @Override
    public byte[] left(Username name, String notice) {
        return Outbox.encode(notice);
    }

    @Override
    public byte[] renamed(Username from, Username to) {
        return Outbox.encode(Replies.renamed(from, to));
    }

    @Override
    public List<byte[]> welcome(Username you, List<String> names, List<String> history) {
        List<byte[]> lines = new ArrayList<>(history.size() + 3);
        lines.add(Outbox.encode(Replies.hello(you, names)));
        if (!history.isEmpty()) {
            lines.add(Outbox.encode(Replies.historyStart(history.size())));
            history.forEach(line -> lines.add(Outbox.encode(line)));
            lines.add(Outbox.encode(Replies.HISTORY_END));
        }
        return lines;
    }

}
