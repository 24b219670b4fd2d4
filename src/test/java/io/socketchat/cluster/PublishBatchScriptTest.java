package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.socketchat.room.RoomEvent;

import io.socketchat.support.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The script that appends a node's batch of lines, run on a real Redis as a node sends
 * it: one numbered entry holding every line in order, each kept in history; a batch sent
 * again (a command Lettuce repeats after a reconnect) or read too late appends nothing.
 */
class PublishBatchScriptTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static final RoomKeys KEYS = RoomKeys.ROOM;

    private static final String HISTORY = "socketchat:{room}:history";

    @Test
    void aBatchIsOneNumberedEntryHoldingEveryLineInOrder() {
        assertThat(publish(far(), "node-7", "alice: one", "bob: two", "alice: three")).isEqualTo("*3");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":1");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("1");
        assertThat(EventCodec.events(field("g"))).containsExactly(line("alice: one"), line("bob: two"),
                line("alice: three"));
        assertThat(field("o")).isEqualTo("instance-1");
        assertThat(redis.command("LINDEX", HISTORY, "0")).isEqualTo("alice: three");
        assertThat(redis.command("LINDEX", HISTORY, "2")).isEqualTo("alice: one");
        assertThat(redis.command("ZSCORE", KEYS.seen(), "node-7")).matches("\\d+");
    }

    @Test
    void aLoneLineIsAnEntryOfItsOwnKind() {
        publish(far(), "node-7", "alice: one");

        assertThat(field("t")).isEqualTo("P");
        assertThat(field("x")).isEqualTo("alice: one");
        assertThat(field("q")).isEqualTo("1");
    }

    @Test
    void aBatchOfSeveralGroupsIsAnEntryForEachNumberedInTurn() {
        publish(far(), "node-7", List.of(List.of("alice: one", "bob: two"), List.of("alice: three")));

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":2");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("2");
        assertThat(EventCodec.events(field("g"))).containsExactly(line("alice: one"), line("bob: two"));
        assertThat(redis.command("LINDEX", HISTORY, "0")).isEqualTo("alice: three");
        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":3");
    }

    @Test
    void theSameBatchSentAgainAppendsNothing() {
        publish(far(), "node-7", "alice: one", "bob: two");

        publish(far(), "node-7", "alice: one", "bob: two");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":1");
        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":2");

        publish(far(), "node-8", "alice: three");
        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":2");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("2");
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
        return publish(deadline, batchId, List.of(List.of(lines)));
    }

    /** A batch of several entries, each a group of lines (or a lone line). */
    private static String publish(long deadline, String batchId, List<List<String>> entries) {
        List<String> lines = entries.stream().flatMap(List::stream).toList();
        List<String> words = new ArrayList<>(List.of("EVAL", new LedgerScripts().publishBatch.getScriptAsString(),
                String.valueOf(KEYS.all().size())));
        words.addAll(KEYS.all());
        words.addAll(List.of(String.valueOf(deadline), "10000", "50", "instance-1", batchId,
                String.valueOf(lines.size()), String.valueOf(lines.size())));
        words.addAll(lines);
        words.add(String.valueOf(entries.size()));
        for (List<String> entry : entries) {
            List<RoomEvent> events = entry.stream().map(PublishBatchScriptTest::line).toList();
            List<String> fields = events.size() == 1 ? EventCodec.fields(events.get(0))
                    : List.of("t", "G", "g", EventCodec.group(events));
            words.add(String.valueOf(fields.size()));
            words.addAll(fields);
        }
        return redis.command(words.toArray(String[]::new));
    }

    private static RoomEvent line(String text) {
        return new RoomEvent.Public("member-1", text);
    }

    /** A field of the stream's first entry. */
    private static String field(String name) {
        return redis.command("EVAL", """
                local entry = redis.call('XRANGE', KEYS[1], '-', '+')[1][2]
                for i = 1, #entry, 2 do
                  if entry[i] == ARGV[1] then return entry[i + 1] end
                end
                return false""", "1", KEYS.log(), name);
    }

}
