package io.socketchat.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a test "types": an input stream that blocks like a keyboard until the test types
 * more.
 */
final class Keyboard extends InputStream {

    private static final int END = -1;

    private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

    void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            keys.add(b & 0xff);
        }
    }

    void typeLine(String line) {
        type(line + "\n");
    }

    /** End of input, like Ctrl-D at a shell or the end of a pipe. */
    void end() {
        keys.add(END);
    }

    @Override
    public int read() {
        try {
            // Bounded so a test that forgets to end its input cannot hang the build.
            Integer key = keys.poll(2, TimeUnit.MINUTES);
            if (key == null || key == END) {
                keys.add(END);
                return END;
            }
            return key;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first == END) {
            return END;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        while (count < length && !keys.isEmpty() && keys.peek() != END) {
            buffer[offset + count++] = (byte) (int) keys.poll();
        }
        return count;
    }

    @Override
    public int available() {
        Integer next = keys.peek();
        return next == null || next == END ? 0 : keys.size();
    }

    @Override
    public void close() {
        end();
    }

}
