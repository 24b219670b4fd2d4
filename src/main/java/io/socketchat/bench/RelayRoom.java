package io.socketchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Username;

/**
 * The relay's room: just enough of PROTOCOL.md for the benchmark (welcome, optional
 * password, username, {@code Hello}, {@code name: text} to everyone else, join and leave
 * notices, dropping a reader whose queue passes the limit). Lines are put together in one
 * scratch buffer, with no allocation per line; connections with something to write are
 * flushed once per round of the selector ({@link #flushDirty}).
 */
final class RelayRoom {

    private static final byte[] WELCOME = (Replies.welcome("Relay") + "\n").getBytes(StandardCharsets.UTF_8);

    private static final byte[] PASSWORD = (Replies.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8);

    private final String password;

    private final long queueLimitBytes;

    private final List<RelayConnection> joined = new ArrayList<>();

    private final Set<String> names = new HashSet<>();

    private final List<RelayConnection> dirty = new ArrayList<>();

    private byte[] scratch = new byte[4096];

    private volatile long relayed;

    private volatile long delivered;

    RelayRoom(String password, long queueLimitBytes) {
        this.password = password == null || password.isEmpty() ? null : password;
        this.queueLimitBytes = queueLimitBytes;
    }

    long relayed() {
        return relayed;
    }

    long delivered() {
        return delivered;
    }

    /** A new connection: the password prompt, or the welcome. */
    void arrived(RelayConnection c) {
        c.passwordOk = password == null;
        byte[] first = c.passwordOk ? WELCOME : PASSWORD;
        c.append(first, first.length);
        markDirty(c);
    }

    /** One line the connection sent, {@code a[from..to)} without its line end. */
    void line(RelayConnection c, byte[] a, int from, int to) {
        if (!c.passwordOk) {
            if (new String(a, from, to - from, StandardCharsets.UTF_8).equals(password)) {
                c.passwordOk = true;
                c.append(WELCOME, WELCOME.length);
                markDirty(c);
            }
            else {
                c.appendText(Replies.WRONG_PASSWORD + "\n");
                flush(c);
                drop(c, null);
            }
            return;
        }
        if (!c.inChat) {
            join(c, new String(a, from, to - from, StandardCharsets.UTF_8).strip());
            return;
        }
        if (to == from) {
            return;
        }
        if (to - from == 4 && new String(a, from, 4, StandardCharsets.US_ASCII).equals("exit")) {
            drop(c, Replies::left);
            return;
        }
        int size = c.name.length + 2 + (to - from) + 1;
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        System.arraycopy(c.name, 0, scratch, 0, c.name.length);
        scratch[c.name.length] = ':';
        scratch[c.name.length + 1] = ' ';
        System.arraycopy(a, from, scratch, c.name.length + 2, to - from);
        scratch[size - 1] = '\n';
        relayed++;
        broadcast(c, scratch, size);
    }

    private void join(RelayConnection c, String name) {
        Username username = usable(name);
        if (username == null || !names.add(username.key())) {
            c.appendText(Replies.nameRejected(name, "is taken") + "\n");
            markDirty(c);
            return;
        }
        c.username = username;
        c.name = name.getBytes(StandardCharsets.UTF_8);
        c.inChat = true;
        joined.add(c);
        List<String> online = new ArrayList<>(joined.size());
        for (RelayConnection member : joined) {
            online.add(member.username.display());
        }
        c.appendText(Replies.hello(username, online) + "\n");
        markDirty(c);
        byte[] notice = (Replies.joined(username) + "\n").getBytes(StandardCharsets.UTF_8);
        broadcast(c, notice, notice.length);
    }

    /** The name if the protocol allows it, else null. */
    private static Username usable(String name) {
        try {
            return new Username(name);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void broadcast(RelayConnection from, byte[] line, int length) {
        List<RelayConnection> overfull = null;
        for (int i = 0, n = joined.size(); i < n; i++) {
            RelayConnection to = joined.get(i);
            if (to == from) {
                continue;
            }
            if (to.queued() + length > queueLimitBytes) {
                if (overfull == null) {
                    overfull = new ArrayList<>();
                }
                overfull.add(to);
                continue;
            }
            to.append(line, length);
            delivered++;
            markDirty(to);
        }
        if (overfull != null) {
            for (RelayConnection c : overfull) {
                drop(c, Replies::notReading);
            }
        }
    }

    /** The connection is gone (or cannot keep up): the others are told if it was in. */
    void left(RelayConnection c) {
        drop(c, Replies::left);
    }

    /**
     * @param notice the line the others see about it, or null for none
     */
    private void drop(RelayConnection c, Function<Username, String> notice) {
        if (c.closed) {
            return;
        }
        c.close();
        if (c.inChat) {
            joined.remove(c);
            names.remove(c.username.key());
            if (notice != null) {
                byte[] line = (notice.apply(c.username) + "\n").getBytes(StandardCharsets.UTF_8);
                broadcast(c, line, line.length);
            }
        }
    }

    private void markDirty(RelayConnection c) {
        if (!c.isDirty) {
            c.isDirty = true;
            dirty.add(c);
        }
    }

    /** Writes to every connection that got something since the last round. */
    void flushDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            RelayConnection c = dirty.get(i);
            c.isDirty = false;
            flush(c);
        }
        dirty.clear();
    }

    /** Writes what the connection's socket takes now. */
    void flush(RelayConnection c) {
        if (c.closed) {
            return;
        }
        try {
            c.flush();
        }
        catch (IOException e) {
            left(c);
        }
    }

}
