package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.socketchat.protocol.Username;
import io.socketchat.room.ChatMetrics.DropReason;
import io.socketchat.room.Member;
import io.socketchat.room.RoomEvent;

import org.junit.jupiter.api.Test;

/**
 * Room events to stream fields and back, and the room's state as the snapshot script
 * returns it.
 */
class EventCodecTest {

    private static final Member ALICE = new Member("node-a/1", new Username("alice"));

    @Test
    void linesPrivateMessagesAndKicksComeBackAsTheyWent() {
        for (RoomEvent event : List.of(new RoomEvent.Public("node-a/1", "alice: hi: there"),
                new RoomEvent.Public(null, "Server: hello"), new RoomEvent.Private(ALICE, "node-b/7", "psst"),
                new RoomEvent.Kick("node-b/7", "", DropReason.KICKED),
                new RoomEvent.Kick("node-b/7", "spam and more", DropReason.BANNED))) {
            assertThat(EventCodec.event(map(EventCodec.fields(event)))).isEqualTo(event);
        }
    }

    @Test
    void aGroupGivesBackItsLinesInOrderWhateverCharactersTheyHold() {
        List<RoomEvent> events = List.of(new RoomEvent.Public("node-a/1", "alice: 6;1:t1:P semicolons; and: colons"),
                new RoomEvent.Private(ALICE, "node-b/7", "👩‍💻 می‌خواهم"), new RoomEvent.Public("node-a/1", ""),
                new RoomEvent.Kick("node-b/7", "spam", DropReason.BANNED), new RoomEvent.Public(null, "Server: 12:00"),
                new RoomEvent.Public("node-a/1", "alice: \"quoted\", C:\\dir\\ and [\"brackets\"]"));

        assertThat(EventCodec.events(group(events))).containsExactlyElementsOf(events);
    }

    @Test
    void aDamagedGroupIsRefusedWithWhereItBroke() {
        String group = group(List.of(new RoomEvent.Public("node-a/1", "alice: hi")));

        for (String damaged : List.of(group.substring(0, group.length() - 3), "x;", "6;1:t1:P1:m", "[[\"t\",1]]", "{}",
                "[\"t\"]", group + " []", "", "[[\"t\",\"K\",\"to\",\"n/1\",\"w\",\"NO_SUCH_REASON\"]]")) {
            assertThatIllegalArgumentException().isThrownBy(() -> EventCodec.events(damaged))
                .withMessageStartingWith("Not a group of lines at ");
        }
    }

    @Test
    void joinsLeavesAndRenamesAsTheScriptsWriteThem() {
        assertThat(EventCodec.event(Map.of("t", "J", "m", "node-a/1", "n", "alice")))
            .isEqualTo(new RoomEvent.Joined(ALICE));
        // the address a ban on any node finds the member by
        assertThat(EventCodec.event(Map.of("t", "J", "m", "node-a/1", "n", "alice", "a", "127.0.0.2")))
            .isEqualTo(new RoomEvent.Joined(new Member("node-a/1", new Username("alice"), "127.0.0.2")));
        // a ban or unban is for the ledger, not the room
        assertThat(EventCodec.event(Map.of("t", "B", "a", "127.0.0.2"))).isNull();
        // a member whose lease ran out leaves with the ordinary notice
        assertThat(EventCodec.event(Map.of("t", "L", "m", "node-a/1", "n", "alice", "x", "")))
            .isEqualTo(new RoomEvent.Left(ALICE, "* alice left the chat"));
        assertThat(EventCodec.event(Map.of("t", "L", "m", "node-a/1", "n", "alice", "x", "* alice was kicked")))
            .isEqualTo(new RoomEvent.Left(ALICE, "* alice was kicked"));
        assertThat(EventCodec.event(Map.of("t", "R", "m", "node-a/1", "n", "alice", "to", "Alicia")))
            .isEqualTo(new RoomEvent.Renamed(ALICE, new Username("Alicia")));
        assertThat(EventCodec.event(Map.of("t", "?", "x", "from a newer node"))).isNull();
    }

    @Test
    void theSnapshotGivesEachMembersAddressWhenTheEntryHasOne() {
        RoomEvent.Restored restored = EventCodec.restored(List.of("0-0", "0", "node-a/1", "alice\nalice\n::1",
                "node-b/2", "bob\nBob\n", "node-c/3", "carol\ncarol"));
        assertThat(restored.roster()).containsExactly(new Member("node-a/1", new Username("alice"), "::1"),
                new Member("node-b/2", new Username("Bob")), new Member("node-c/3", new Username("carol")));
    }

    @Test
    void theSnapshotGivesHistoryOldestFirstAndEveryMember() {
        List<String> reply = List.of("1700000000000-3", "2", "newest", "older", "node-a/1", "alice\nalice", "node-b/2",
                "bob\nBob");
        RoomEvent.Restored restored = EventCodec.restored(reply);
        assertThat(restored.history()).containsExactly("older", "newest");
        assertThat(restored.roster()).containsExactly(ALICE, new Member("node-b/2", new Username("Bob")));
    }

    private static Map<String, String> map(List<String> pairs) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            fields.put(pairs.get(i), pairs.get(i + 1));
        }
        return fields;
    }

    private static String group(List<RoomEvent> events) {
        return new String(EventCodec.group(events.stream().map(EventCodec::grouped).toList()), StandardCharsets.UTF_8);
    }

}
