package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    private static void assertValid(String name) {
        assertThat(Username.check(name)).as(name).isInstanceOf(Username.Check.Valid.class);
    }

    private static String rejectionOf(String name) {
        Username.Check check = Username.check(name);
        assertThat(check).as(name).isInstanceOf(Username.Check.Rejected.class);
        return ((Username.Check.Rejected) check).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = { "alice", "Bob", "a", "x_1", "jean-luc", "j.doe", "_", "-.-", "42", "Zoë", "Ñandú",
            "Дмитрий", "王小明", "ἈΘΗΝᾶ", "محمد", "יוסי", "٣٤" })
    void lettersOfAnyScriptDigitsAndUnderscoreDashDotAreAllowed(String name) {
        assertValid(name);
    }

    @Test
    void twentyCharactersAreAllowed() {
        assertValid("a".repeat(20));
    }

    @Test
    void twentyOneCharactersAreTooLong() {
        assertThat(rejectionOf("a".repeat(21))).contains("too long");
    }

    @Test
    void emptyNameIsRejected() {
        assertThat(rejectionOf("")).contains("empty");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertValid("名".repeat(20));
        assertThat(rejectionOf("名".repeat(21))).contains("too long");
    }

    @Test
    void lettersOutsideTheBasicPlaneCountOnceEach() {
        // U+20000, a CJK ideograph written as a surrogate pair
        String ideograph = new String(Character.toChars(0x20000));
        assertValid(ideograph.repeat(20));
        assertThat(rejectionOf(ideograph.repeat(21))).contains("too long");
    }

    @Test
    void emojiAreNotLetters() {
        assertThat(rejectionOf("😀")).contains("not allowed");
        assertThat(rejectionOf("bob😀")).contains("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bob smith", " bob", "bob ", "bob!", "bob@home", "a/b", "a:b", "a,b", "<bob>", "bob\t",
            "bob\u001B[31m", "bob\u0000", "bob\u0085", "bob\u00A0x", "a\u200Bb", "\"bob\"" })
    void spacesPunctuationAndControlsAreRejected(String name) {
        assertThat(rejectionOf(name)).contains("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "server", "admin", "system", "Server", "ADMIN", "sYsTeM" })
    void reservedNamesAreRejectedInAnyCase(String name) {
        assertThat(rejectionOf(name)).contains("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = { "servers", "admin1", "sys.tem", "administrator" })
    void namesThatOnlyContainAReservedWordAreAllowed(String name) {
        assertValid(name);
    }

    @Test
    void reservedNamesCannotBeSpelledWithLookalikesThatFoldToThem() {
        // U+017F long s upper-cases to S; U+0131 dotless i upper-cases to I
        assertThat(rejectionOf("\u017Ferver")).contains("reserved");
        assertThat(rejectionOf("adm\u0131n")).contains("reserved");
    }

    @Test
    void keyIsCaseInsensitive() {
        assertThat(Username.keyOf("Alice")).isEqualTo(Username.keyOf("ALICE")).isEqualTo(Username.keyOf("alice"));
        assertThat(Username.keyOf("ДМИТРИЙ")).isEqualTo(Username.keyOf("дмитрий"));
        assertThat(Username.keyOf("STRAẞE")).isEqualTo(Username.keyOf("straße")).isEqualTo(Username.keyOf("STRASSE"));
    }

    @Test
    void differentNamesHaveDifferentKeys() {
        assertThat(Username.keyOf("alice")).isNotEqualTo(Username.keyOf("alice2"));
    }

    @Test
    void keyComparesCaseInsensitivelyAndTheDisplayFormIsKept() {
        Username alice = new Username("Alice");
        assertThat(alice.key()).isEqualTo(new Username("ALICE").key()).isNotEqualTo(new Username("bob").key());
        assertThat(alice.display()).isEqualTo("Alice");
        assertThat(alice).hasToString("Alice");
        assertThat(alice.key()).isEqualTo("alice");
    }

    @Test
    void namesThatLookAlikeShareTheKey() {
        // Cyrillic а (U+0430), fullwidth letters, and a Greek omicron for o
        assertThat(Username.keyOf("\u0430lice")).isEqualTo(Username.keyOf("alice"));
        assertThat(Username.keyOf("\uFF41\uFF4C\uFF49\uFF43\uFF45")).isEqualTo(Username.keyOf("alice"));
        assertThat(Username.keyOf("b\u03BFb")).isEqualTo(Username.keyOf("bob"));
    }

    @Test
    void lookAlikesOfReservedNamesAreReserved() {
        assertThat(rejectionOf("\uFF53\uFF45\uFF52\uFF56\uFF45\uFF52")).isEqualTo("is reserved");
        assertThat(rejectionOf("\u0455\u0435rv\u0435r")).isEqualTo("is reserved");
        assertThat(rejectionOf("\u0430dmin")).isEqualTo("is reserved");
    }

    @Test
    void namesThatMixScriptsLikeSpoofsAreRefused() {
        assertThat(rejectionOf("\u0430lice")).isEqualTo(Username.MIXES_SCRIPTS);
        assertThat(rejectionOf("p\u0430ypal")).isEqualTo(Username.MIXES_SCRIPTS);
        assertThat(Username.check("alice\u674E")).isInstanceOf(Username.Check.Valid.class);
        assertThat(Username.check("\u0394\u03B7\u03BC\u03AE\u03C4\u03C1\u03B7\u03C2"))
            .isInstanceOf(Username.Check.Valid.class);
    }

    @Test
    void namesAreNormalisedAndMayHaveCombiningMarks() {
        Username rene = new Username("Rene\u0301");
        assertThat(rene.display()).isEqualTo("Ren\u00E9");
        assertThat(rene.key()).isEqualTo(new Username("REN\u00C9").key());
        assertThat(new Username("\u0905\u092E\u093F\u0924").display()).isEqualTo("\u0905\u092E\u093F\u0924");
    }

    @Test
    void constructorRefusesAnInvalidNameWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Username("bad name"))
            .withMessageContaining("not allowed");
        assertThatIllegalArgumentException().isThrownBy(() -> new Username("Admin")).withMessageContaining("reserved");
    }

}
