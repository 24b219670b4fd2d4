package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.socketchat.room.RoomEvent;
import org.junit.jupiter.api.Test;

/**
 * How a node's batch of lines becomes stream entries: groups of at most about
 * {@link LineBatches#MAX_GROUP} characters that give back every line in order, and a lone
 * line as an entry of its own kind.
 */
class LineBatchesTest {

    @Test
    void aBatchBecomesBoundedGroupsThatGiveBackEveryLineInOrder() {
        List<RoomEvent> lines = IntStream.range(0, 256)
            .mapToObj(i -> (RoomEvent) new RoomEvent.Public("node-a/" + (i % 5), "u" + (i % 5) + ": line " + i))
            .toList();

        List<List<byte[]>> entries = LineBatches.entries(pending(lines));

        assertThat(entries).hasSizeGreaterThan(1);
        List<RoomEvent> back = new ArrayList<>();
        for (List<byte[]> entry : entries) {
            assertThat(text(entry)).hasSize(4).startsWith("t", "G", "g");
            assertThat(entry.get(3).length).isLessThanOrEqualTo(LineBatches.MAX_GROUP);
            back.addAll(EventCodec.events(text(entry).get(3)));
        }
        assertThat(back).containsExactlyElementsOf(lines);
    }

    @Test
    void aLineLongerThanAGroupIsAnEntryOfItsOwn() {
        RoomEvent longLine = new RoomEvent.Public("node-a/1", "alice: " + "x".repeat(LineBatches.MAX_GROUP));
        RoomEvent shortLine = new RoomEvent.Public("node-a/2", "bob: hi");

        List<List<String>> entries = LineBatches.entries(pending(List.of(shortLine, longLine, shortLine)))
            .stream()
            .map(LineBatchesTest::text)
            .toList();

        assertThat(entries).containsExactly(EventCodec.fields(shortLine), EventCodec.fields(longLine),
                EventCodec.fields(shortLine));
    }

    private static List<String> text(List<byte[]> entry) {
        return entry.stream().map(field -> new String(field, StandardCharsets.UTF_8)).toList();
    }

    private static List<LineBatches.Pending> pending(List<RoomEvent> lines) {
        return lines.stream().map(line -> new LineBatches.Pending(line, "node-a/1", 0, refused -> {
        })).toList();
    }

}
