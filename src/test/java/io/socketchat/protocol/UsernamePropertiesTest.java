package io.socketchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

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
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between('a', 'z')),
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

    private static boolean allowed(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || cp == '_' || cp == '-' || cp == '.';
    }

    @Property
    void acceptedNamesFollowEveryRule(@ForAll("candidates") String name) {
        Assume.that(Username.check(name) instanceof Username.Check.Valid);
        assertThat(name.codePointCount(0, name.length())).isBetween(1, 20);
        assertThat(name.codePoints().allMatch(UsernamePropertiesTest::allowed)).isTrue();
        assertThat(Username.keyOf(name)).isNotIn("server", "admin", "system");
        assertThat(name.codePoints().filter(Sanitizer::isControl)).isEmpty();
    }

    @Property
    void namesFollowingEveryRuleAreAccepted(@ForAll("candidates") String name) {
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
    void keyOfIsStable(@ForAll("candidates") String name) {
        String key = Username.keyOf(name);
        assertThat(Username.keyOf(key)).isEqualTo(key);
    }
}
