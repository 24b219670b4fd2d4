package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class UsernamePropertiesTest {

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<Integer> codePoint = Arbitraries
            .frequencyOf(Tuple.of(5, Arbitraries.integers().between('a', 'z')),
                    Tuple.of(3, Arbitraries.integers().between('A', 'Z')),
                    Tuple.of(2, Arbitraries.of((int) '_', (int) '-', (int) '.', (int) '0', (int) '9')),
                    Tuple.of(3, Arbitraries.integers().between(0xA0, 0x2FFF)),
                    Tuple.of(1, Arbitraries.integers().between(0x3000, 0x10FFFF)),
                    Tuple.of(1, Arbitraries.integers().between(0, 0x40)))
            .filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        return codePoint.list().ofMaxSize(24).map(cps -> {
            StringBuilder name = new StringBuilder();
            cps.forEach(name::appendCodePoint);
            return name.toString();
        });
    }

    @Provide
    Arbitrary<String> asciiCandidates() {
        return Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. !")
            .ofMinLength(0)
            .ofMaxLength(22);
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || Character.isDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == '_' || cp == '-' || cp == '.';
    }

    /** Cyrillic letters that look like Latin ones, from UTS #39's confusables. */
    private static final Map<Character, Character> CYRILLIC_LOOK_ALIKES = Map.of('a', '\u0430', 'e', '\u0435', 'o',
            '\u043E', 'p', '\u0440', 'c', '\u0441', 'x', '\u0445', 'y', '\u0443');

    @Property
    void acceptedNamesFollowEveryRule(@ForAll("candidates") String candidate) {
        Assume.that(Username.check(candidate) instanceof Username.Check.Valid);
        String name = Normalizer.normalize(candidate, Normalizer.Form.NFC);
        assertThat(new Username(candidate).display()).isEqualTo(name);
        assertThat(name.codePointCount(0, name.length())).isBetween(1, 20);
        assertThat(name.codePoints().allMatch(UsernamePropertiesTest::allowed)).isTrue();
        assertThat(Username.keyOf(name)).isNotIn("server", "admin", "system");
        assertThat(name.codePoints().filter(Sanitizer::isRemoved)).isEmpty();
    }

    @Property
    void asciiNamesFollowingEveryRuleAreAccepted(@ForAll("asciiCandidates") String name) {
        int length = name.codePointCount(0, name.length());
        Assume.that(length >= 1 && length <= 20 && name.codePoints().allMatch(UsernamePropertiesTest::allowed)
                && !Username.keyOf(name).matches("server|admin|system"));
        assertThat(Username.check(name)).isInstanceOf(Username.Check.Valid.class);
    }

    @Property
    void changingCaseKeepsTheKey(@ForAll("candidates") String name) {
        Assume.that(Username.check(name) instanceof Username.Check.Valid);
        assertThat(Username.keyOf(name.toUpperCase(Locale.ROOT))).isEqualTo(Username.keyOf(name));
        String lower = name.toLowerCase(Locale.ROOT);
        if (Username.check(lower) instanceof Username.Check.Valid) {
            assertThat(Username.keyOf(lower)).as(lower).isEqualTo(Username.keyOf(name));
        }
    }

    @Property
    void keyOfIsIdempotent(@ForAll("candidates") String name) {
        String key = Username.keyOf(name);
        assertThat(Username.keyOf(key)).isEqualTo(key);
    }

    @Property
    void everyNormalisationFormOfANameHasItsKey(@ForAll("candidates") String name) {
        String key = Username.keyOf(name);
        for (Normalizer.Form form : Normalizer.Form.values()) {
            assertThat(Username.keyOf(Normalizer.normalize(name, form))).as(form.name()).isEqualTo(key);
        }
    }

    @Property
    void cyrillicLookAlikesHaveTheKeyOfTheLatinName(@ForAll("asciiCandidates") String name) {
        StringBuilder spoof = new StringBuilder();
        name.chars().forEach(c -> spoof.append(CYRILLIC_LOOK_ALIKES.getOrDefault((char) c, (char) c)));
        assertThat(Username.keyOf(spoof.toString())).isEqualTo(Username.keyOf(name));
    }

    @Property
    void keyEqualNamesAreEquallyReserved(@ForAll("candidates") String name) {
        Assume.that(Username.check(name) instanceof Username.Check.Valid);
        String upper = name.toUpperCase(Locale.ROOT);
        Assume.that(Username.keyOf(upper).equals(Username.keyOf(name)));
        assertThat(Username.check(upper)).isNotEqualTo(new Username.Check.Rejected("is reserved"));
    }

}
