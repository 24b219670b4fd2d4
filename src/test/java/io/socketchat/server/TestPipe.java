package io.socketchat.server;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A connection's read pipe as the deserializer sees it: bytes arrive by {@link #arrive},
 * reads never wait.
 */
final class TestPipe extends InputStream {

    private final ByteArrayOutputStream arrived = new ByteArrayOutputStream();

    private int position;

    synchronized TestPipe arrive(String text) {
        arrived.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public synchronized int read() {
        return position < arrived.size() ? arrived.toByteArray()[position++] & 0xFF : -1;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        int count = Math.min(length, available());
        if (count == 0) {
            return length == 0 ? 0 : -1;
        }
        System.arraycopy(arrived.toByteArray(), position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return arrived.size() - position;
    }

}
