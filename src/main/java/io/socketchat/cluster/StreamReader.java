package io.socketchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;

/**
 * This node's one reader of the room's stream, on a thread of its own:
 * {@code XREAD BLOCK} from the id of the last entry it applied, so it misses nothing and
 * applies every entry once, in the stream's order, also across a Redis outage (it goes on
 * from the same id). It holds its own Redis connection, since a blocking read would hold
 * up every other command on a shared one.
 */
final class StreamReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

    private static final int BATCH = 1_000;

    private static final long RETRY_MILLIS = 250;

    /** What the reader reads for. */
    interface Target {

        /**
         * Applies the room's state as Redis holds it now; returns the id of the last
         * entry in it.
         */
        String restore();

        void apply(String id, Map<String, String> fields);

        void batchDone();

        void reachable(boolean reachable, RuntimeException failure);

    }

    private final RedisConnectionFactory factory;

    private final String stream;

    private final Duration block;

    private final Target target;

    private final Object pause = new Object();

    private volatile boolean running = true;

    StreamReader(RedisConnectionFactory factory, String stream, Duration block, Target target) {
        this.factory = factory;
        this.stream = stream;
        this.block = block;
        this.target = target;
    }

    @Override
    public void run() {
        String last = null;
        DefaultStringRedisConnection connection = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = new DefaultStringRedisConnection(factory.getConnection());
                }
                if (last == null) {
                    last = target.restore();
                    target.reachable(true, null);
                }
                List<StringRecord> records = connection.xReadAsString(
                        StreamReadOptions.empty().block(block).count(BATCH),
                        StreamOffset.create(stream, ReadOffset.from(last)));
                target.reachable(true, null);
                if (records != null && !records.isEmpty()) {
                    for (StringRecord record : records) {
                        last = record.getId().getValue();
                        target.apply(last, record.getValue());
                    }
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

    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
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
