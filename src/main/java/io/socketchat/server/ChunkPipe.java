package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's read pipe that hands over whole chunks as they were read from the
 * socket.
 *
 * <p>
 * Spring Integration's own pipe gives its bytes one {@code read()} at a time, a lock
 * each: for a chat line that is most of the cost of reading it. Here each chunk the
 * connection reads is kept whole, and only a one-byte token per chunk goes through Spring
 * Integration's pipe, so that the connection still knows when there is something to read
 * and runs its assembler as before. One reader at a time (the assembler, under the
 * connection's lock); chunks arrive from the selector thread.
 */
final class ChunkPipe extends InputStream {

    private final InputStream tokens;

    private final Queue<byte[]> chunks = new ConcurrentLinkedQueue<>();

    private final AtomicInteger available = new AtomicInteger();

    private byte[] current;

    private int position;

    ChunkPipe(InputStream tokens) {
        this.tokens = tokens;
    }

    /**
     * A chunk read from the socket; its token follows through Spring Integration's pipe.
     */
    void arrived(byte[] chunk) {
        chunks.add(chunk);
        available.addAndGet(chunk.length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            if (current == null) {
                current = chunks.poll();
                if (current == null) {
                    break;
                }
                position = 0;
                // the chunk's token: at most a moment behind the chunk itself
                tokens.read();
            }
            int take = Math.min(length - count, current.length - position);
            System.arraycopy(current, position, buffer, offset + count, take);
            position += take;
            count += take;
            if (position == current.length) {
                current = null;
            }
        }
        if (count == 0 && length > 0) {
            // nothing here: the end, unless more arrives (callers read only what is
            // available)
            return -1;
        }
        available.addAndGet(-count);
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int available() {
        return available.get();
    }

    @Override
    public void close() throws IOException {
        tokens.close();
    }

}
