package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private static String decode(byte... bytes) {
        return LineDecoder.decode(bytes, bytes.length);
    }

    private static String decode(String text) {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int contentLength(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return LineDecoder.contentLength(bytes, bytes.length);
    }

    @Test
    void validTextComesOutUnchanged() {
        assertThat(decode("hello, wörld: 你好 😀 ok?")).isEqualTo("hello, wörld: 你好 😀 ok?");
    }

    @Test
    void emptyLineIsEmpty() {
        assertThat(decode(new byte[0])).isEmpty();
    }

    @Test
    void crBeforeTheLfIsDropped() {
        assertThat(decode("hello\r")).isEqualTo("hello");
    }

    @Test
    void loneCrIsAnEmptyLine() {
        assertThat(decode("\r")).isEmpty();
    }

    @Test
    void crInTheMiddleIsRemovedAsAControlCharacter() {
        assertThat(decode("a\rb")).isEqualTo("ab");
    }

    @Test
    void onlyTheLengthArgumentsBytesAreDecoded() {
        byte[] buffer = "hi\rXXXX".getBytes(StandardCharsets.UTF_8);
        assertThat(LineDecoder.decode(buffer, 3)).isEqualTo("hi");
        assertThat(LineDecoder.contentLength(buffer, 3)).isEqualTo(2);
    }

    @Test
    void contentLengthDoesNotCountOneTrailingCr() {
        assertThat(contentLength("abc\r")).isEqualTo(3);
        assertThat(contentLength("abc")).isEqualTo(3);
        assertThat(contentLength("")).isZero();
        assertThat(contentLength("\r")).isZero();
    }

    @Test
    void contentLengthDropsOnlyOneCrAndOnlyAtTheEnd() {
        assertThat(contentLength("abc\r\r")).isEqualTo(4);
        assertThat(contentLength("\rabc")).isEqualTo(4);
    }

    @Test
    void contentLengthCountsBytesNotCharacters() {
        assertThat(contentLength("é😀")).isEqualTo(2 + 4);
    }

    @Test
    void invalidByteBecomesReplacementCharacter() {
        assertThat(decode((byte) 'a', (byte) 0xFF, (byte) 'b')).isEqualTo("a\uFFFDb");
    }

    @Test
    void loneContinuationByteBecomesReplacementCharacter() {
        assertThat(decode((byte) 0x80)).isEqualTo("\uFFFD");
    }

    @Test
    void truncatedSequenceAtTheEndBecomesReplacementCharacter() {
        // first two bytes of the euro sign E2 82 AC
        assertThat(decode((byte) 'x', (byte) 0xE2, (byte) 0x82)).startsWith("x\uFFFD").doesNotContain("\u20AC");
    }

    @Test
    void overlongEncodingIsNotDecodedToItsCharacter() {
        // C0 AF is an overlong '/', C0 80 an overlong NUL
        assertThat(decode((byte) 0xC0, (byte) 0xAF, (byte) 0xC0, (byte) 0x80)).doesNotContain("/")
            .doesNotContain("\u0000")
            .contains("\uFFFD");
    }

    @Test
    void overlongEscapeDoesNotSmuggleAnEscape() {
        // C0 9B would be an overlong ESC
        assertThat(decode((byte) 0xC0, (byte) 0x9B, (byte) '[', (byte) '2', (byte) 'J')).doesNotContain("\u001B")
            .endsWith("[2J");
    }

    @Test
    void encodedSurrogateIsInvalid() {
        assertThat(decode((byte) 0xED, (byte) 0xA0, (byte) 0x80)).doesNotContainPattern("[\uD800-\uDFFF]")
            .contains("\uFFFD");
    }

    @Test
    void escapeSequenceLosesItsEscape() {
        assertThat(decode("\u001B[31mred\u001B[0m\r")).isEqualTo("[31mred[0m");
    }

    @Test
    void c1ControlEncodedInUtf8IsRemoved() {
        // C2 9B is U+009B, the single-character CSI
        assertThat(decode((byte) 0xC2, (byte) 0x9B, (byte) '2', (byte) 'J')).isEqualTo("2J");
    }

    @Test
    void tabIsKept() {
        assertThat(decode("a\tb\r")).isEqualTo("a\tb");
    }

}
