package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.socketchat.protocol.Username;
import io.socketchat.room.Member;
import io.socketchat.room.RoomEvent;
import io.socketchat.support.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The script that appends a node's batch of lines, run on a real Redis with the arguments
 * a node builds ({@link LineBatches#scriptArgs}): groups of lines as numbered entries
 * that give back every line in order, the history given the public lines it keeps; a
 * batch sent again (a command Lettuce repeats after a reconnect) or read too late appends
 * nothing.
 */
class PublishBatchScriptTest {

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static final RoomKeys KEYS = RoomKeys.ROOM;

    private static final String HISTORY = "socketchat:{room}:history";

    @Test
    void aBatchIsOneNumberedEntryHoldingEveryLineInOrder() {
        assertThat(publish(far(), "node-7", 50, line("alice: one"), line("bob: two"), line("alice: three")))
            .isEqualTo("*3");

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":1");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("1");
        assertThat(field(1, "t")).isEqualTo("G");
        assertThat(EventCodec.events(field(1, "g"))).containsExactly(line("alice: one"), line("bob: two"),
                line("alice: three"));
        assertThat(field(1, "o")).isEqualTo("instance-1");
        assertThat(redis.command("LINDEX", HISTORY, "0")).isEqualTo("alice: three");
        assertThat(redis.command("LINDEX", HISTORY, "2")).isEqualTo("alice: one");
        assertThat(redis.command("ZSCORE", KEYS.seen(), "node-7")).matches("\\d+");
    }

    @Test
    void aLoneLineIsAnEntryOfItsOwnKind() {
        publish(far(), "node-7", 50, line("alice: one"));

        assertThat(field(1, "t")).isEqualTo("P");
        assertThat(field(1, "x")).isEqualTo("alice: one");
        assertThat(field(1, "q")).isEqualTo("1");
    }

    @Test
    void aBatchLargerThanAGroupIsSeveralEntriesNumberedInTurn() {
        RoomEvent first = line("alice: " + "a".repeat(900));
        RoomEvent second = line("bob: " + "b".repeat(900));
        RoomEvent third = line("alice: " + "c".repeat(900));
        publish(far(), "node-6", 50, line("carol: before"));

        publish(far(), "node-7", 50, first, second, third);

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":3");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("3");
        assertThat(List.of(field(1, "q"), field(2, "q"), field(3, "q"))).containsExactly("1", "2", "3");
        assertThat(EventCodec.events(field(2, "g"))).containsExactly(first, second);
        assertThat(field(3, "x")).isEqualTo(((RoomEvent.Public) third).line());
        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":4");
    }

    @Test
    void theHistoryGetsOnlyThePublicLinesItKeeps() {
        Member alice = new Member("member-1", new Username("alice"));

        publish(far(), "node-7", 2, line("alice: one"), new RoomEvent.Private(alice, "member-2", "psst"),
                line("alice: two"), line("alice: three"), new RoomEvent.Private(alice, "member-2", "again"));

        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":2");
        assertThat(redis.command("LINDEX", HISTORY, "0")).isEqualTo("alice: three");
        assertThat(redis.command("LINDEX", HISTORY, "1")).isEqualTo("alice: two");
        assertThat(EventCodec.events(field(1, "g"))).hasSize(5)
            .contains(new RoomEvent.Private(alice, "member-2", "psst"));
    }

    @Test
    void textBeyondAsciiComesBackAsItWent() {
        RoomEvent line = line("bob: 👩‍💻 می‌خواهم ന്‍");
        RoomEvent message = new RoomEvent.Private(new Member("member-1", new Username("bob")), "member-2", "😀;1:x");

        publish(far(), "node-7", 50, line, message);

        assertThat(EventCodec.events(field(1, "g"))).containsExactly(line, message);
        assertThat(utf8(redis.command("LINDEX", HISTORY, "0"))).isEqualTo("bob: 👩‍💻 می‌خواهم ന്‍");
    }

    @Test
    void theSameBatchSentAgainAppendsNothing() {
        publish(far(), "node-7", 50, line("alice: one"), line("bob: two"));

        publish(far(), "node-7", 50, line("alice: one"), line("bob: two"));

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":1");
        assertThat(redis.command("LLEN", HISTORY)).isEqualTo(":2");

        publish(far(), "node-8", 50, line("alice: three"));
        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":2");
        assertThat(redis.command("HGET", KEYS.meta(), "seq")).isEqualTo("2");
    }

    /**
     * Ids are kept two minutes by Redis' clock: twice the minute a node checks its
     * batches after a switch of primary, and no longer, since each costs memory.
     */
    @Test
    void batchIdsAreKeptTwoMinutes() {
        long kept = 2 * TimeUnit.NANOSECONDS.toMillis(LineReceipts.WINDOW_NANOS);
        assertThat(kept).isEqualTo(120_000);
        long now = redisNowMillis();
        redis.command("ZADD", KEYS.seen(), String.valueOf(now - kept - 1_000), "node-old",
                String.valueOf(now - kept + 10_000), "node-recent");

        publish(far(), "node-7", 50, line("alice: one"));

        assertThat(redis.command("ZSCORE", KEYS.seen(), "node-old")).isEqualTo("$-1");
        assertThat(redis.command("ZSCORE", KEYS.seen(), "node-recent")).isEqualTo(String.valueOf(now - 110_000));
        assertThat(redis.command("ZCARD", KEYS.seen())).isEqualTo(":2");
    }

    @Test
    void aBatchReadAfterItsDeadlineAppendsNothing() {
        publish(1, "node-7", 50, line("alice: one"));

        assertThat(redis.command("XLEN", KEYS.log())).isEqualTo(":0");
        assertThat(redis.command("EXISTS", KEYS.seen())).isEqualTo(":0");
    }

    private static long redisNowMillis() {
        String[] time = redis.command("EVAL", "local t = redis.call('TIME') return t[1] .. ' ' .. t[2]", "0")
            .split(" ");
        return Long.parseLong(time[0]) * 1000 + Long.parseLong(time[1]) / 1000;
    }

    private static long far() {
        return System.currentTimeMillis() + 60_000;
    }

    /**
     * The script's reply's first line (the array's size for PUBLISHED, 1 for LATE), run
     * with the arguments a node builds for these lines.
     */
    private static String publish(long deadline, String batchId, int historySize, RoomEvent... lines) {
        List<LineBatches.Pending> batch = Stream.of(lines)
            .map(line -> new LineBatches.Pending(line, "member-1", 0, refused -> {
            }))
            .toList();
        List<String> words = new ArrayList<>(List.of("EVAL", new LedgerScripts().publishBatch.getScriptAsString(),
                String.valueOf(KEYS.all().size())));
        words.addAll(KEYS.all());
        for (byte[] arg : LineBatches.scriptArgs(batch, batchId, deadline, "instance-1", historySize)) {
            words.add(new String(arg, StandardCharsets.UTF_8));
        }
        return redis.command(words.toArray(String[]::new));
    }

    private static RoomEvent line(String text) {
        return new RoomEvent.Public("member-1", text);
    }

    /** A field of the stream's entry at this position (from 1), as UTF-8. */
    private static String field(int entry, String name) {
        return utf8(redis.command("EVAL", """
                local entry = redis.call('XRANGE', KEYS[1], '-', '+')[tonumber(ARGV[2])][2]
                for i = 1, #entry, 2 do
                  if entry[i] == ARGV[1] then return entry[i + 1] end
                end
                return false""", "1", KEYS.log(), name, String.valueOf(entry)));
    }

    /** The test client reads a byte a character. */
    private static String utf8(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

}
