package io.socketchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;

/**
 * This node's one reader of the room's stream, on a thread of its own:
 * {@code XREAD BLOCK} from the id of the last entry it applied, so it applies every entry
 * once, in the stream's order, also across a Redis outage (it goes on from the same id).
 * Every entry carries the room's sequence number: an entry whose number does not follow
 * the last one means entries were skipped (trimmed while this node was behind) or lost (a
 * switch of primary), and so does a new connection on which the last entry applied is
 * gone or another: then the room is read afresh. It holds connections of its own, since a
 * blocking read would hold up every other command on a shared one.
 */
final class StreamReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

    /**
     * Entries per read; an entry may be a group of up to {@link LineBatches#MAX_BATCH}
     * lines.
     */
    private static final int BATCH = 200;

    private static final long RETRY_MILLIS = 250;

    /** Where a room's state read at once leaves the stream. */
    record Snapshot(String lastId, long seq, String epoch) {
    }

    /** What the reader reads for. */
    interface Target {

        /**
         * Applies the room's state as Redis holds it now.
         * @param gap whether the room is read again because this node skipped or lost
         * part of its order
         */
        Snapshot restore(boolean gap);

        /** A new connection, perhaps to another primary than the last one. */
        void connected(DefaultStringRedisConnection connection);

        void apply(String id, Map<String, String> fields);

        void batchDone();

        void reachable(boolean reachable, RuntimeException failure);

    }

    private final RedisConnectionFactory factory;

    private final RoomKeys keys;

    private final Duration block;

    private final Target target;

    private final Object pause = new Object();

    private volatile boolean running = true;

    private volatile boolean held;

    private boolean parked;

    private String last;

    private long lastSeq = -1;

    private String epoch;

    StreamReader(RedisConnectionFactory factory, RoomKeys keys, Duration block, Target target) {
        this.factory = factory;
        this.keys = keys;
        this.block = block;
        this.target = target;
    }

    @Override
    public void run() {
        DefaultStringRedisConnection connection = null;
        boolean gap = false;
        while (running) {
            try {
                if (connection == null) {
                    connection = new DefaultStringRedisConnection(factory.getConnection());
                    gap = last != null && !continues(connection);
                    target.connected(connection);
                }
                if (last == null || gap) {
                    Snapshot snapshot = target.restore(gap);
                    last = snapshot.lastId();
                    lastSeq = snapshot.seq();
                    epoch = snapshot.epoch();
                    gap = false;
                    target.reachable(true, null);
                }
                awaitRelease();
                List<StringRecord> records = connection.xReadAsString(
                        StreamReadOptions.empty().block(block).count(BATCH),
                        StreamOffset.create(keys.log(), ReadOffset.from(last)));
                target.reachable(true, null);
                if (records != null && !records.isEmpty()) {
                    gap = applyAll(records);
                    target.batchDone();
                }
            }
            catch (RuntimeException ex) {
                target.reachable(false, ex);
                connection = close(connection);
                retryLater();
            }
        }
        close(connection);
    }

    /** Applies the entries up to the first that does not follow; true if one did not. */
    private boolean applyAll(List<StringRecord> records) {
        for (StringRecord record : records) {
            long seq = seq(record.getValue());
            if (seq >= 0 && lastSeq >= 0 && seq != lastSeq + 1) {
                log.warn("The room's entry {} is number {} where {} was next: reading the room again",
                        record.getId().getValue(), seq, lastSeq + 1);
                return true;
            }
            last = record.getId().getValue();
            if (seq >= 0) {
                lastSeq = seq;
            }
            target.apply(last, record.getValue());
        }
        return false;
    }

    /**
     * Whether the stream on this (new) connection still holds the last entry applied,
     * with its number, in the same room: after a switch of primary it may not, and
     * {@code XREAD} from a lost or reused id would skip entries without a word.
     */
    private boolean continues(DefaultStringRedisConnection connection) {
        if (!String.valueOf(epoch).equals(connection.hGet(keys.meta(), "epoch"))) {
            log.warn("The room in Redis is not the one this node read (epoch {}): reading it again", epoch);
            return false;
        }
        if (lastSeq <= 0 || "0-0".equals(last)) {
            return true;
        }
        List<StringRecord> at = connection.xRange(keys.log(), Range.closed(last, last));
        if (at == null || at.isEmpty() || seq(at.get(0).getValue()) != lastSeq) {
            log.warn("The room's entry {} (number {}) is gone or another: reading the room again", last, lastSeq);
            return false;
        }
        return true;
    }

    private static long seq(Map<String, String> fields) {
        String q = fields.get("q");
        return q == null ? -1 : Long.parseLong(q);
    }

    /**
     * For tests: holds the reader before its next read and returns once it waits there
     * (true), or lets it go on (false).
     */
    void hold(boolean hold) throws InterruptedException {
        synchronized (pause) {
            held = hold;
            pause.notifyAll();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hold && !parked && System.nanoTime() < deadline) {
                pause.wait(100);
            }
        }
    }

    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    private void awaitRelease() {
        synchronized (pause) {
            while (held && running) {
                parked = true;
                pause.notifyAll();
                try {
                    pause.wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            parked = false;
        }
    }

    private void retryLater() {
        synchronized (pause) {
            try {
                if (running) {
                    pause.wait(RETRY_MILLIS);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static DefaultStringRedisConnection close(DefaultStringRedisConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (RuntimeException ex) {
                log.debug("Closing the stream reader's connection failed", ex);
            }
        }
        return null;
    }

}
