package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class SanitizerPropertiesTest {

    /**
     * The protocol's control characters, spelled out independently of the code under
     * test.
     */
    private static boolean isC0ExceptTabDelOrC1(int cp) {
        return (cp <= 0x1F && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
    }

    /**
     * The protocol's invisible and direction-changing characters, as PROTOCOL.md lists
     * them.
     */
    private static boolean isInvisibleOrBidi(int cp) {
        return cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
    }

    private static boolean removed(int cp) {
        return isC0ExceptTabDelOrC1(cp) || isInvisibleOrBidi(cp);
    }

    @Provide
    Arbitrary<String> textWithControls() {
        Arbitrary<Character> c = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.chars().range(' ', '~')),
                Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001F')),
                Tuple.of(2, Arbitraries.chars().range('\u007F', '\u009F')),
                Tuple.of(2, Arbitraries.chars().range('\u2000', '\u206F')),
                Tuple.of(1, Arbitraries.of('\uFEFF', '\uFEFE', '\uFF00')),
                Tuple.of(2, Arbitraries.chars().range('\u00A0', '\uFFFF')));
        return c.list().ofMaxSize(60).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    }

    @Property
    void stripRemovesExactlyTheControlInvisibleAndBidiCharacters(@ForAll("textWithControls") String text) {
        StringBuilder expected = new StringBuilder();
        text.chars().filter(ch -> !removed(ch)).forEach(ch -> expected.append((char) ch));
        assertThat(Sanitizer.strip(text)).isEqualTo(expected.toString());
    }

    @Property
    void stripIsIdempotent(@ForAll("textWithControls") String text) {
        String once = Sanitizer.strip(text);
        assertThat(Sanitizer.strip(once)).isEqualTo(once);
    }

    @Property
    void strippedTextHasNoControlInvisibleOrBidiCharacter(@ForAll String text) {
        assertThat(Sanitizer.strip(text).codePoints().filter(SanitizerPropertiesTest::removed)).isEmpty();
    }

    @Property
    void isRemovedMatchesTheProtocol(@ForAll int codePoint) {
        assertThat(Sanitizer.isRemoved(codePoint & 0x1FFFFF)).isEqualTo(removed(codePoint & 0x1FFFFF));
    }

    @Property
    void isControlMatchesTheProtocol(@ForAll int codePoint) {
        assertThat(Sanitizer.isControl(codePoint & 0x1FFFFF)).isEqualTo(isC0ExceptTabDelOrC1(codePoint & 0x1FFFFF));
    }

    @Property
    void decodedLineHasNoControlInvisibleOrBidiCharacterAndNoMoreCodePointsThanBytes(@ForAll("anyBytes") byte[] bytes) {
        String text = LineDecoder.decode(bytes, bytes.length);
        assertThat(text.codePoints().filter(SanitizerPropertiesTest::removed)).isEmpty();
        assertThat(text.codePointCount(0, text.length()))
            .isLessThanOrEqualTo(LineDecoder.contentLength(bytes, bytes.length));
    }

    @Property
    void validUtf8WithoutControlsDecodesUnchanged(@ForAll("textWithControls") String raw) {
        String text = Sanitizer.strip(raw).replaceAll("[\\uD800-\\uDFFF]", "x");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(LineDecoder.decode(bytes, bytes.length)).isEqualTo(text);
    }

}
