package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose reader falls further behind than the stream keeps entries: it notices the
 * skipped entries, reads the room again, and tells its users.
 */
class FallingBehindTest {

    /** Appends entries as the scripts do (with the room's sequence number). */
    private static final String FLOOD = """
            for i = 1, tonumber(ARGV[1]) do
              local q = redis.call('HINCRBY', KEYS[2], 'seq', 1)
              redis.call('XADD', KEYS[1], 'MAXLEN', '~', 10000, '*', 'q', q,
                't', 'M', 'm', 'x', 'n', 'x', 'to', 'nobody', 'x', 'flood')
            end
            return 1
            """;

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void aNodeFurtherBehindThanTheStreamKeepsReadsTheRoomAgainAndSaysSo() throws Exception {
        Nodes.AliceAndBob pair = nodes.aliceOnAAndBobOnB();
        RunningServer a = pair.a();
        LineClient alice = pair.alice();
        alice.send("/who").expect("* 2 users online: alice, bob");
        RoomFollower follower = a.bean(RedisLedger.class).follower();

        follower.hold(true);
        pair.b().join("carol");
        redis.command("EVAL", FLOOD, "2", RoomKeys.ROOM.log(), RoomKeys.ROOM.meta(), "11000");
        follower.hold(false);

        alice.expect("* Some messages may be missing here.");
        alice.send("/who").expect("* 3 users online: alice, bob, carol");
        pair.bob().send("after");
        alice.expect("bob: after");
        assertThat(a.bean(MeterRegistry.class).get("chat.cluster.gaps").functionCounter().count()).isEqualTo(1);
    }

}
