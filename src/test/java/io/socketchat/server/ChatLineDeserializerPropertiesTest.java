package io.socketchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.InboundLine.Text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For any bytes, split into chunks at any points, read line by line until the end of the
 * stream.
 *
 * <p>
 * The byte limit applies to what the client sent: a line's bytes without its LF and
 * without one CR right before the LF. The decoded text can be longer in UTF-8 than that,
 * because every invalid byte becomes U+FFFD (three bytes); what holds for the text is
 * that it has at most {@code maxLineBytes} code points, hence at most
 * {@code 3 * maxLineBytes} UTF-8 bytes.
 */
class ChatLineDeserializerPropertiesTest {

    private static final byte LF = '\n';

    private static final byte CR = '\r';

    // ---- generators ----

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<Byte> oneByte = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(LF)),
                Tuple.of(2, Arbitraries.just(CR)), Tuple.of(1, Arbitraries.just((byte) 0x1B)),
                Tuple.of(6, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
                Tuple.of(2, Arbitraries.of((byte) 0xC2, (byte) 0xE2, (byte) 0xF0, (byte) 0xED, (byte) 0xC0)),
                Tuple.of(2, Arbitraries.bytes().between((byte) 0x80, (byte) 0xBF)), Tuple.of(4, Arbitraries.bytes()));
        Arbitrary<List<Byte>> encodedC1 = Arbitraries.bytes()
            .between((byte) 0x80, (byte) 0x9F)
            .map(b -> List.of((byte) 0xC2, b));
        Arbitrary<List<Byte>> piece = Arbitraries.frequencyOf(Tuple.of(12, oneByte.map(List::of)),
                Tuple.of(1, encodedC1));
        return piece.list().ofMaxSize(300).map(pieces -> toArray(pieces.stream().flatMap(List::stream).toList()));
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 40)),
                Tuple.of(1, Arbitraries.just(1024)));
    }

    @Provide
    Arbitrary<List<Integer>> chunks() {
        return Arbitraries
            .frequencyOf(Tuple.of(4, Arbitraries.integers().between(1, 4)),
                    Tuple.of(2, Arbitraries.integers().between(5, 64)),
                    Tuple.of(1, Arbitraries.integers().between(65, 2000)))
            .list()
            .ofMinSize(1)
            .ofMaxSize(60);
    }

    /**
     * Code points that are valid in UTF-8 and are neither control (TAB included) nor
     * invisible or bidi characters.
     */
    @Provide
    Arbitrary<String> cleanLine() {
        Arbitrary<Integer> codePoint = Arbitraries
            .frequencyOf(Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                    Tuple.of(1, Arbitraries.just((int) '\t')), Tuple.of(2, Arbitraries.integers().between(0xA0, 0x7FF)),
                    Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF)),
                    Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)))
            .filter(cp -> !isC0ExceptTabDelOrC1(cp) && !isInvisibleOrBidi(cp) && (cp < 0xD800 || cp > 0xDFFF));
        return codePoint.list().ofMaxSize(30).map(cps -> {
            StringBuilder line = new StringBuilder();
            cps.forEach(line::appendCodePoint);
            return line.toString();
        });
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, Boolean>>> cleanLinesWithOrWithoutCr() {
        return Combinators.combine(cleanLine(), Arbitraries.of(true, false)).as(Tuple::of).list().ofMaxSize(20);
    }

    // ---- properties ----

    @Property
    void noExceptionEscapesAndThereIsOneResultPerLf(@ForAll("anyBytes") byte[] bytes, @ForAll("limits") int limit,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        List<InboundLine> lines = readAll(limit, new ChunkedInputStream(bytes, chunks));
        assertThat(lines).hasSize(countLf(bytes));
    }

    @Property
    void aLineIsTextExactlyWhenItsBytesWithoutLfAndOneCrBeforeItAreWithinTheLimit(@ForAll("anyBytes") byte[] bytes,
            @ForAll("limits") int limit, @ForAll("chunks") List<Integer> chunks) throws IOException {
        List<InboundLine> lines = readAll(limit, new ChunkedInputStream(bytes, chunks));
        List<byte[]> raw = rawLines(bytes);
        assertThat(lines).hasSameSizeAs(raw);
        for (int i = 0; i < raw.size(); i++) {
            int content = contentLength(raw.get(i));
            if (content <= limit) {
                assertThat(lines.get(i)).as("line %d, %d bytes, limit %d", i + 1, content, limit)
                    .isInstanceOf(Text.class);
            }
            else {
                assertThat(lines.get(i)).as("line %d, %d bytes, limit %d", i + 1, content, limit)
                    .isEqualTo(InboundLine.TOO_LONG);
            }
        }
    }

    @Property
    void textHasAtMostLimitCodePointsSoAtMostThreeTimesTheLimitInUtf8(@ForAll("anyBytes") byte[] bytes,
            @ForAll("limits") int limit, @ForAll("chunks") List<Integer> chunks) throws IOException {
        for (String text : texts(readAll(limit, new ChunkedInputStream(bytes, chunks)))) {
            assertThat(text.codePointCount(0, text.length())).as("code points of %s", text).isLessThanOrEqualTo(limit);
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as("UTF-8 of %s", text)
                .hasSizeLessThanOrEqualTo(3 * limit);
        }
    }

    @Property
    void noControlCharacterOrLoneSurrogateSurvives(@ForAll("anyBytes") byte[] bytes, @ForAll("limits") int limit,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        for (String text : texts(readAll(limit, new ChunkedInputStream(bytes, chunks)))) {
            text.codePoints().forEach(cp -> {
                assertThat(isC0ExceptTabDelOrC1(cp)).as("U+%04X in %s", cp, text).isFalse();
                assertThat(Character.isSurrogate((char) cp) && cp <= 0xFFFF).as("lone surrogate U+%04X", cp).isFalse();
            });
        }
    }

    @Property
    void chunkSizesDoNotChangeTheLines(@ForAll("anyBytes") byte[] bytes, @ForAll("limits") int limit,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        assertThat(readAll(limit, new ChunkedInputStream(bytes, chunks)))
            .isEqualTo(readAll(limit, new ByteArrayInputStream(bytes)));
    }

    @Property
    void validUtf8LinesWithoutControlCharactersComeOutUnchanged(
            @ForAll("cleanLinesWithOrWithoutCr") List<Tuple.Tuple2<String, Boolean>> sent, @ForAll("limits") int limit,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<InboundLine> expected = new ArrayList<>();
        for (Tuple.Tuple2<String, Boolean> line : sent) {
            byte[] content = line.get1().getBytes(StandardCharsets.UTF_8);
            wire.writeBytes(content);
            wire.writeBytes(line.get2() ? new byte[] { CR, LF } : new byte[] { LF });
            expected.add(content.length <= limit ? new Text(line.get1()) : InboundLine.TOO_LONG);
        }
        assertThat(readAll(limit, new ChunkedInputStream(wire.toByteArray(), chunks))).isEqualTo(expected);
    }

    @Property(tries = 200)
    void cleanLinesWithinTheDefaultLimitComeOutUnchanged(
            @ForAll("cleanLinesWithOrWithoutCr") List<Tuple.Tuple2<String, Boolean>> sent,
            @ForAll("chunks") List<Integer> chunks) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (Tuple.Tuple2<String, Boolean> line : sent) {
            wire.writeBytes(line.get1().getBytes(StandardCharsets.UTF_8));
            wire.writeBytes(line.get2() ? new byte[] { CR, LF } : new byte[] { LF });
        }
        List<String> texts = texts(readAll(1024, new ChunkedInputStream(wire.toByteArray(), chunks)));
        assertThat(texts).isEqualTo(sent.stream().map(Tuple.Tuple2::get1).toList());
    }

    // ---- helpers ----

    private static List<InboundLine> readAll(int limit, InputStream in) throws IOException {
        return ChatLineDeserializerTest.readAll(new LineFramer(limit), in);
    }

    private static List<String> texts(List<InboundLine> lines) {
        List<String> texts = new ArrayList<>();
        for (InboundLine line : lines) {
            if (line instanceof Text text) {
                texts.add(text.text());
            }
        }
        return texts;
    }

    /**
     * The protocol's control characters, spelled out here rather than taken from the code
     * under test.
     */
    private static boolean isC0ExceptTabDelOrC1(int cp) {
        return (cp <= 0x1F && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
    }

    /**
     * The invisible and direction-changing characters PROTOCOL.md has removed from every
     * line.
     */
    private static boolean isInvisibleOrBidi(int cp) {
        return cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
    }

    private static int countLf(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            if (b == LF) {
                count++;
            }
        }
        return count;
    }

    /**
     * The LF-terminated lines, without their LF; bytes after the last LF are not a line.
     */
    private static List<byte[]> rawLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == LF) {
                byte[] line = new byte[i - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            }
        }
        return lines;
    }

    private static int contentLength(byte[] line) {
        return line.length > 0 && line[line.length - 1] == CR ? line.length - 1 : line.length;
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] bytes = new byte[list.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = list.get(i);
        }
        return bytes;
    }

}
