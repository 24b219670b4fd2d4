package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.socketchat.support.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The script that appends a node's batch of lines, run on a real Redis as a node sends
 * it: every line once, in order, numbered, kept in history; a batch sent again (a command
 * Lettuce repeats after a reconnect) or read too late appends nothing.
 */
class PublishBatchScriptTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static final RoomKeys KEYS = RoomKeys.ROOM;

    private static final String HISTORY = "socketchat:{room}:history";

    @Test
    void aBatchAppendsEveryLineOnceInOrderAndNumbered() {
        assertThat(publish(far(), "node-7", "alice: one", "bob: two", "alice: three")).isEqualTo("*3");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":3");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("3");
        assertThat(redis.command("LINDEX", HISTORY, "0")).isEqualTo("alice: three");
        assertThat(redis.command("LINDEX", HISTORY, "2")).isEqualTo("alice: one");
        assertThat(redis.command("ZSCORE", KEYS.seen(), "node-7")).matches("\\d+");
    }

    @Test
    void theSameBatchSentAgainAppendsNothing() {
        publish(far(), "node-7", "alice: one", "bob: two");

        publish(far(), "node-7", "alice: one", "bob: two");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":2");
        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":2");

        publish(far(), "node-8", "alice: three");
        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":3");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("3");
    }

    @Test
    void aBatchReadAfterItsDeadlineAppendsNothing() {
        publish(1, "node-7", "alice: one");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":0");
        assertThat(redis.command("EXISTS", KEYS.seen())).isEqualTo(":0");
    }

    private static long far() {
        return System.currentTimeMillis() + 60_000;
    }

    /** The script's reply's first line (the array's size for PUBLISHED, 1 for LATE). */
    private static String publish(long deadline, String batchId, String... lines) {
        List<String> words = new ArrayList<>(List.of("EVAL", new LedgerScripts().publishBatch.getScriptAsString(),
                String.valueOf(KEYS.all().size())));
        words.addAll(KEYS.all());
        words.addAll(List.of(String.valueOf(deadline), "10000", "50", "instance-1", batchId));
        for (String line : lines) {
            words.addAll(List.of(line, "6", "t", "P", "m", "member-1", "x", line));
        }
        return redis.command(words.toArray(String[]::new));
    }

}
