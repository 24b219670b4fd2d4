package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizerTest {

    @ParameterizedTest
    @ValueSource(ints = { 0x00, 0x01, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F })
    void c0ControlsOtherThanTabAreControls(int codePoint) {
        assertThat(Sanitizer.isControl(codePoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x7F, 0x80, 0x85, 0x9B, 0x9F })
    void delAndC1AreControls(int codePoint) {
        assertThat(Sanitizer.isControl(codePoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { '\t', ' ', 'a', '~', 0xA0, 0xFFFD, 0x1F600 })
    void tabPrintableAndNonControlCharactersAreNotControls(int codePoint) {
        assertThat(Sanitizer.isControl(codePoint)).isFalse();
    }

    @Test
    void everyControlCharacterIsRemoved() {
        assertThat(Sanitizer.strip("a\u0000b\u0007c\u001Fd\u007Fe\u0080f\u009Fg")).isEqualTo("abcdefg");
    }

    @Test
    void tabSurvives() {
        assertThat(Sanitizer.strip("a\tb")).isEqualTo("a\tb");
    }

    @Test
    void ansiColourSequenceLosesItsEscape() {
        assertThat(Sanitizer.strip("\u001B[31mred\u001B[0m")).isEqualTo("[31mred[0m");
    }

    @Test
    void clearScreenAndTitleSequencesLoseTheirControls() {
        assertThat(Sanitizer.strip("\u001B[2J\u001B]0;pwned\u0007hi")).isEqualTo("[2J]0;pwnedhi");
    }

    @Test
    void singleByteCsiIsRemoved() {
        assertThat(Sanitizer.strip("\u009B31mred")).isEqualTo("31mred");
    }

    @Test
    void cleanTextIsReturnedUnchanged() {
        String text = "héllo wörld, 你好 😀 \t ok";
        assertThat(Sanitizer.strip(text)).isSameAs(text);
    }

    @Test
    void surrogatePairsAreKeptIntact() {
        assertThat(Sanitizer.strip("\u001B😀\u0007")).isEqualTo("😀");
    }

    @Test
    void onlyControlsBecomesEmpty() {
        assertThat(Sanitizer.strip("\r\n\u001B\u007F")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2064, 0x2066,
            0x2069, 0xFEFF })
    void invisibleAndDirectionChangingCharactersAreRemoved(int codePoint) {
        assertThat(Sanitizer.isInvisible(codePoint)).isTrue();
        assertThat(Sanitizer.strip("a" + Character.toString(codePoint) + "b")).isEqualTo("ab");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x200A, 0x2010, 0x2029, 0x202F, 0x205F, 0x206A, 0xFEFE, 0xFF00 })
    void theirNeighboursStay(int codePoint) {
        assertThat(Sanitizer.isInvisible(codePoint)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x200C, 0x200D, 0xFE0F, 0xFE00, 0xE0100 })
    void joinersAndVariationSelectorsStayInMessages(int codePoint) {
        String text = "a" + Character.toString(codePoint) + "b";
        assertThat(Sanitizer.strip(text)).isEqualTo(text);
    }

    @Test
    void anEmojiSequenceAndPersianKeepTheirJoinersWhileAnOverrideGoes() {
        assertThat(Sanitizer
            .strip("\uD83D\uDC69\u200D\uD83D\uDCBB \u202E\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
            .isEqualTo("\uD83D\uDC69\u200D\uD83D\uDCBB \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060, 0x2069, 0xFEFF })
    void namesLoseTheJoinersToo(int codePoint) {
        assertThat(Sanitizer.stripName("al" + Character.toString(codePoint) + "ice")).isEqualTo("alice");
    }

    @Test
    void aRightToLeftOverrideCannotTurnAMessageAround() {
        assertThat(Sanitizer.strip("click \u202Egnp.exe\u202C now")).isEqualTo("click gnp.exe now");
    }

}
