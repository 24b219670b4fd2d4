package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.InboundLine.Text;
import io.socketchat.server.InboundOrder.Frame;

import org.junit.jupiter.api.Test;

class ChatLineDeserializerTest {

    private static final InboundLine TOO_LONG = InboundLine.TOO_LONG;

    /**
     * A framer with the given limit; the tests feed it whole streams, chunk by chunk, as
     * reads deliver them.
     */
    private static LineFramer deserializer(int maxLineBytes) {
        return new LineFramer(maxLineBytes);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream stream(byte... bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Every line up to the end of the stream, read as the connection reads: what is
     * there, chunk by chunk.
     */
    static List<InboundLine> readAll(LineFramer framer, InputStream in) throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        byte[] chunk = new byte[4096];
        int count;
        while ((count = in.read(chunk)) > 0) {
            framer.feed(chunk, 0, count, lines);
        }
        return lines;
    }

    private static List<InboundLine> next(LineFramer framer, String chunk) {
        List<InboundLine> lines = new ArrayList<>();
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        framer.feed(bytes, 0, bytes.length, lines);
        return lines;
    }

    private static List<InboundLine> readAll(int maxLineBytes, String text) throws IOException {
        return readAll(deserializer(maxLineBytes), stream(text));
    }

    @Test
    void readsOneLine() throws IOException {
        assertThat(readAll(1024, "hello\n")).containsExactly(new Text("hello"));
    }

    @Test
    void readsEveryLineOfAChunkInOrder() {
        LineFramer framer = deserializer(1024);
        assertThat(next(framer, "one\ntwo\nthr")).containsExactly(new Text("one"), new Text("two"));
        assertThat(next(framer, "ee\n")).containsExactly(new Text("three"));
        assertThat(next(framer, "")).isEmpty();
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(readAll(deserializer(1024), stream(new byte[0]))).isEmpty();
    }

    @Test
    void emptyLineIsEmptyText() throws IOException {
        assertThat(readAll(1024, "\n\r\n")).containsExactly(new Text(""), new Text(""));
    }

    @Test
    void lastLineWithoutLfIsDropped() throws IOException {
        assertThat(readAll(1024, "complete\npartial")).containsExactly(new Text("complete"));
    }

    @Test
    void crBeforeLfIsDropped() throws IOException {
        assertThat(readAll(1024, "hello\r\nworld\r\n")).containsExactly(new Text("hello"), new Text("world"));
    }

    @Test
    void lineOfExactlyTheLimitIsText() throws IOException {
        assertThat(readAll(10, "0123456789\n")).containsExactly(new Text("0123456789"));
    }

    @Test
    void crBeforeLfDoesNotCountTowardsTheLimit() throws IOException {
        assertThat(readAll(10, "0123456789\r\n")).containsExactly(new Text("0123456789"));
    }

    @Test
    void onlyOneCrIsNotCounted() throws IOException {
        assertThat(readAll(10, "012345678\r\r\n")).containsExactly(new Text("012345678"));
        assertThat(readAll(10, "0123456789\r\r\n")).containsExactly(TOO_LONG);
    }

    @Test
    void lineOneByteOverTheLimitIsTooLong() throws IOException {
        assertThat(readAll(10, "0123456789A\n")).containsExactly(TOO_LONG);
    }

    @Test
    void crInsideAnOverlongLineStillCounts() throws IOException {
        assertThat(readAll(10, "0123456789\rA\n")).containsExactly(TOO_LONG);
    }

    @Test
    void lineAfterATooLongLineIsReadNormally() {
        LineFramer framer = deserializer(10);
        assertThat(next(framer, "x".repeat(30))).isEmpty();
        assertThat(next(framer, "x".repeat(20) + "\nnext\n")).containsExactly(TOO_LONG, new Text("next"));
    }

    @Test
    void veryLongLineIsDiscardedUpToItsLf() throws IOException {
        String huge = "y".repeat(5_000_000);
        assertThat(readAll(1024, huge + "\nafter\n")).containsExactly(TOO_LONG, new Text("after"));
    }

    @Test
    void tooLongLineWithoutLfAtTheEndIsDropped() throws IOException {
        assertThat(readAll(10, "ok\n" + "z".repeat(100))).containsExactly(new Text("ok"));
    }

    @Test
    void limitCountsBytesNotCharacters() throws IOException {
        // é is two bytes in UTF-8
        assertThat(readAll(10, "ééééé\n")).containsExactly(new Text("ééééé"));
        assertThat(readAll(10, "éééééa\n")).containsExactly(TOO_LONG);
        // the emoji is four bytes
        assertThat(readAll(10, "abcdef😀\n")).containsExactly(new Text("abcdef😀"));
        assertThat(readAll(10, "abcdefg😀\n")).containsExactly(TOO_LONG);
    }

    @Test
    void limitZeroAllowsOnlyEmptyLines() throws IOException {
        assertThat(readAll(0, "\n\r\na\n\n")).containsExactly(new Text(""), new Text(""), TOO_LONG, new Text(""));
    }

    @Test
    void defaultLimitOf1024Bytes() throws IOException {
        assertThat(readAll(1024, "a".repeat(1024) + "\r\n" + "b".repeat(1025) + "\n"))
            .containsExactly(new Text("a".repeat(1024)), TOO_LONG);
    }

    @Test
    void lineLongerThanTheInitialBufferIsReadWhole() throws IOException {
        String line = "0123456789".repeat(50);
        assertThat(readAll(1024, line + "\n")).containsExactly(new Text(line));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() throws IOException {
        assertThat(readAll(deserializer(1024), stream((byte) 'a', (byte) 0xFF, (byte) 'b', (byte) '\n')))
            .containsExactly(new Text("a\uFFFDb"));
    }

    @Test
    void controlCharactersAndEscapesAreRemoved() throws IOException {
        assertThat(readAll(1024, "\u001B[2J\u001B[31mhi\u0007\u007F\u0085 there\r\n"))
            .containsExactly(new Text("[2J[31mhi there"));
    }

    @Test
    void tabIsKept() throws IOException {
        assertThat(readAll(1024, "a\tb\n")).containsExactly(new Text("a\tb"));
    }

    @Test
    void linesComeOutTheSameWhateverTheChunkSizes() throws IOException {
        String text = "hello\r\n" + "x".repeat(30) + "\nwörld 😀\n\nlast\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<InboundLine> expected = List.of(new Text("hello"), TOO_LONG, new Text("wörld 😀"), new Text(""),
                new Text("last"));
        for (List<Integer> sizes : List.of(List.of(1), List.of(2), List.of(3), List.of(7), List.of(1000),
                List.of(5, 1, 1, 9, 2, 30, 4), List.of(6, 1, 17, 3))) {
            assertThat(readAll(deserializer(20), new ChunkedInputStream(bytes, sizes))).as("chunks %s", sizes)
                .isEqualTo(expected);
            assertThat(readAll(deserializer(20), new BufferedInputStream(new ChunkedInputStream(bytes, sizes), 8)))
                .as("buffered chunks %s", sizes)
                .isEqualTo(expected);
        }
    }

    @Test
    void multiByteCharacterSplitAcrossChunksIsDecodedWhole() throws IOException {
        byte[] bytes = "😀€\n".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(deserializer(20), new ChunkedInputStream(bytes, List.of(1))))
            .containsExactly(new Text("😀€"));
    }

    @Test
    void aPauseEndsNothingOnAFramedConnection() {
        LineFramer framer = deserializer(1024);
        assertThat(next(framer, "first\npart")).containsExactly(new Text("first"));
        assertThat(framer.waitsForPause()).isFalse();
        assertThat(framer.pauseEnded()).isNull();
        assertThat(next(framer, " two\n")).containsExactly(new Text("part two"));
    }

    @Test
    void aFirstChunkEndedByAPauseMakesTheConnectionUnframed() {
        LineFramer framer = deserializer(1024);
        assertThat(next(framer, "ali")).isEmpty();
        assertThat(next(framer, "ce")).isEmpty();
        assertThat(framer.waitsForPause()).isTrue();
        assertThat(framer.pauseEnded()).isEqualTo(new Text("alice"));
        assertThat(framer.pauseEnded()).as("nothing waits").isNull();
        // an LF still ends a line, and does not make the connection framed
        assertThat(next(framer, "hello\nwor")).containsExactly(new Text("hello"));
        assertThat(framer.pauseEnded()).isEqualTo(new Text("wor"));
        assertThat(next(framer, "exit")).isEmpty();
        assertThat(framer.inputEnded()).as("the end of input ends an unframed line").isEqualTo(new Text("exit"));
    }

    @Test
    void anUnframedChunkOverTheLimitIsTooLong() {
        LineFramer framer = deserializer(10);
        next(framer, "name");
        framer.pauseEnded();
        next(framer, "z".repeat(11));
        assertThat(framer.pauseEnded()).isEqualTo(TOO_LONG);
        next(framer, "z".repeat(10));
        assertThat(framer.pauseEnded()).isEqualTo(new Text("z".repeat(10)));
    }

    @Test
    void theEndOfInputDropsTheUnterminatedLineOfAFramedConnection() {
        LineFramer framer = deserializer(1024);
        next(framer, "one\ntwo");
        assertThat(framer.inputEnded()).isNull();
        LineFramer undecided = deserializer(1024);
        next(undecided, "only");
        assertThat(undecided.inputEnded()).isNull();
    }

    @Test
    void deserializeFramesEveryCompleteLineOfAReadInOneNumberedFrame() throws IOException {
        InboundOrders orders = new InboundOrders(10, 1, (task, delay) -> {
        });
        TestPipe in = new TestPipe().arrive("first\n" + "z".repeat(20) + "\nthird\nfo");
        InboundOrder order = orders.open(in, line -> {
        }, () -> {
        });
        ChatLineDeserializer deserializer = new ChatLineDeserializer(orders);

        Frame first = deserializer.deserialize(in);
        Frame second = deserializer.deserialize(in.arrive("ur"));
        Frame third = deserializer.deserialize(in.arrive("\n"));

        assertThat(first.number()).isEqualTo(1L);
        assertThat(first.lines()).containsExactly(new Text("first"), TOO_LONG, new Text("third"));
        assertThat(first.order()).isSameAs(order);
        assertThat(second).as("a read that completes no line").isNull();
        assertThat(third.number()).isEqualTo(2L);
        assertThat(third.lines()).containsExactly(new Text("four"));
        assertThat(deserializer.deserialize(in)).as("nothing to read: no waiting").isNull();
    }

    @Test
    void deserializeRefusesAnUnknownConnection() {
        InboundOrders orders = new InboundOrders(10, 1, (task, delay) -> {
        });
        assertThatIOException().isThrownBy(() -> new ChatLineDeserializer(orders).deserialize(stream("hi\n")))
            .withMessageContaining("No chat session");
    }

    @Test
    void aClosedConnectionIsGoneOnceItsLastBytesAreRead() throws IOException {
        InboundOrders orders = new InboundOrders(10, 1, (task, delay) -> {
        });
        TestPipe in = new TestPipe().arrive("unterminated");
        int[] gone = new int[1];
        InboundOrder order = orders.open(in, line -> {
        }, () -> gone[0]++);
        order.closed();
        assertThat(gone[0]).as("gone while bytes are unread").isZero();
        assertThat(new ChatLineDeserializer(orders).deserialize(in)).isNull();
        assertThat(gone[0]).as("gone after the read").isEqualTo(1);
        assertThat(orders.of(in)).as("forgotten when gone").isNull();
    }

}
