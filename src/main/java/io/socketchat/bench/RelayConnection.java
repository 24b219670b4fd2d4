package io.socketchat.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import io.socketchat.protocol.Username;

/**
 * One connection to the {@link RelaySink}: where it is in the dialogue, the part of a
 * line it has not finished, and what is waiting to be written to it. Used by the relay's
 * one thread only.
 */
final class RelayConnection {

    final SocketChannel channel;

    SelectionKey key;

    boolean passwordOk;

    boolean inChat;

    boolean closed;

    byte[] name;

    Username username;

    byte[] carry = new byte[256];

    int carryLen;

    private ByteBuffer out = ByteBuffer.allocate(4096);

    boolean isDirty;

    RelayConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Bytes queued and not yet written. */
    int queued() {
        return out.position();
    }

    void appendText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        append(bytes, bytes.length);
    }

    void append(byte[] bytes, int length) {
        if (out.remaining() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + length));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        out.put(bytes, 0, length);
    }

    /**
     * Writes what the socket takes now, and watches for room for the rest.
     * @throws IOException when the connection is gone
     */
    void flush() throws IOException {
        out.flip();
        channel.write(out);
        out.compact();
        int ops = SelectionKey.OP_READ | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    void close() {
        closed = true;
        key.cancel();
        try {
            channel.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
    }

}
