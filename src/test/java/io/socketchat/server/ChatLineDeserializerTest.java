package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

class ChatLineDeserializerTest {

    private static final InboundLine TOO_LONG = InboundLine.TOO_LONG;

    private static ChatLineDeserializer deserializer(int maxLineBytes) {
        return new ChatLineDeserializer(maxLineBytes, new InboundOrders());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream stream(byte... bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Every line up to the end of the stream. */
    private static List<InboundLine> readAll(ChatLineDeserializer deserializer, InputStream in) throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        InboundLine line;
        while ((line = deserializer.readLine(in)) != null) {
            lines.add(line);
            assertThat(lines).as("lines read; the stream never ends?").hasSizeLessThan(100_000);
        }
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
    void readsLinesInOrderThenNullAtTheEnd() throws IOException {
        ChatLineDeserializer deserializer = deserializer(1024);
        InputStream in = stream("one\ntwo\nthree\n");
        assertThat(deserializer.readLine(in)).isEqualTo(new Text("one"));
        assertThat(deserializer.readLine(in)).isEqualTo(new Text("two"));
        assertThat(deserializer.readLine(in)).isEqualTo(new Text("three"));
        assertThat(deserializer.readLine(in)).isNull();
        assertThat(deserializer.readLine(in)).isNull();
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(deserializer(1024).readLine(stream(new byte[0]))).isNull();
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
    void lineAfterATooLongLineIsReadNormally() throws IOException {
        ChatLineDeserializer deserializer = deserializer(10);
        InputStream in = stream("x".repeat(50) + "\nnext\n");
        assertThat(deserializer.readLine(in)).isEqualTo(TOO_LONG);
        assertThat(deserializer.readLine(in)).isEqualTo(new Text("next"));
        assertThat(deserializer.readLine(in)).isNull();
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
        List<InboundLine> expected = List.of(new Text("hello"), TOO_LONG, new Text("wörld 😀"), new Text(""), new Text("last"));
        for (List<Integer> sizes : List.of(List.of(1), List.of(2), List.of(3), List.of(7), List.of(1000),
                List.of(5, 1, 1, 9, 2, 30, 4), List.of(6, 1, 17, 3))) {
            assertThat(readAll(deserializer(20), new ChunkedInputStream(bytes, sizes))).as("chunks %s", sizes)
                    .isEqualTo(expected);
            assertThat(readAll(deserializer(20), new BufferedInputStream(new ChunkedInputStream(bytes, sizes), 8)))
                    .as("buffered chunks %s", sizes).isEqualTo(expected);
        }
    }

    @Test
    void multiByteCharacterSplitAcrossChunksIsDecodedWhole() throws IOException {
        byte[] bytes = "😀€\n".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(deserializer(20), new ChunkedInputStream(bytes, List.of(1)))).containsExactly(new Text("😀€"));
    }

    @Test
    void readErrorPropagates() {
        InputStream failing = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                if (calls++ < 3) {
                    return 'a';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatIOException().isThrownBy(() -> deserializer(10).readLine(failing)).withMessage("connection reset");
    }

    @Test
    void deserializeNumbersTheLinesOfARegisteredConnection() throws IOException {
        InboundOrders orders = new InboundOrders();
        InputStream in = stream("first\n" + "z".repeat(20) + "\nthird\n");
        InboundOrder order = new InboundOrder(in, line -> { }, () -> { });
        orders.register(in, order);
        ChatLineDeserializer deserializer = new ChatLineDeserializer(10, orders);

        Frame first = deserializer.deserialize(in);
        Frame second = deserializer.deserialize(in);
        Frame third = deserializer.deserialize(in);

        assertThat(List.of(first.number(), second.number(), third.number())).containsExactly(1L, 2L, 3L);
        assertThat(List.of(first.line(), second.line(), third.line()))
                .containsExactly(new Text("first"), TOO_LONG, new Text("third"));
        assertThat(first.order()).isSameAs(order);
    }

    @Test
    void deserializeEndsSoftlyAtTheEndOfTheStream() {
        InboundOrders orders = new InboundOrders();
        InputStream in = stream("no newline");
        orders.register(in, new InboundOrder(in, line -> { }, () -> { }));
        assertThatExceptionOfType(SoftEndOfStreamException.class)
                .isThrownBy(() -> new ChatLineDeserializer(10, orders).deserialize(in));
    }

    @Test
    void deserializeRefusesAnUnknownConnection() {
        assertThatIOException().isThrownBy(() -> deserializer(10).deserialize(stream("hi\n")))
                .withMessageContaining("No chat session");
    }

    @Test
    void deserializeLetsAClosedConnectionGoOnceItsLastBytesAreRead() {
        InboundOrders orders = new InboundOrders();
        InputStream in = stream("unterminated");
        int[] gone = new int[1];
        InboundOrder order = new InboundOrder(in, line -> { }, () -> gone[0]++);
        orders.register(in, order);
        order.closed();
        assertThat(gone[0]).as("gone while bytes are unread").isZero();
        assertThatExceptionOfType(SoftEndOfStreamException.class)
                .isThrownBy(() -> new ChatLineDeserializer(10, orders).deserialize(in));
        assertThat(gone[0]).as("gone after the read ended").isEqualTo(1);
    }
}
