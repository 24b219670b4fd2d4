package io.socketchat.server;

import java.io.InputStream;
import java.util.List;

/**
 * Hands out its bytes in the given chunk sizes, as a socket delivers them: a bulk read
 * never crosses the end of the current chunk, and {@link #available()} only counts what
 * is left of it. The last chunk size is repeated when the list runs out.
 */
final class ChunkedInputStream extends InputStream {

    private final byte[] data;

    private final List<Integer> chunkSizes;

    private int position;

    private int chunk;

    private int chunkEnd;

    ChunkedInputStream(byte[] data, List<Integer> chunkSizes) {
        if (chunkSizes.isEmpty() || chunkSizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("chunk sizes must be positive: " + chunkSizes);
        }
        this.data = data;
        this.chunkSizes = chunkSizes;
    }

    private void nextChunkIfNeeded() {
        if (position == chunkEnd) {
            int size = chunkSizes.get(Math.min(chunk++, chunkSizes.size() - 1));
            chunkEnd = Math.min(data.length, position + size);
        }
    }

    @Override
    public int read() {
        if (position >= data.length) {
            return -1;
        }
        nextChunkIfNeeded();
        return data[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= data.length) {
            return -1;
        }
        nextChunkIfNeeded();
        int count = Math.min(length, chunkEnd - position);
        System.arraycopy(data, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return position >= data.length || position == chunkEnd ? 0 : chunkEnd - position;
    }

}
