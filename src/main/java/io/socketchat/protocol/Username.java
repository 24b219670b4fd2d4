package io.socketchat.protocol;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * A chat name: 1 to 20 letters (any script, with their combining marks), digits,
 * {@code _}, {@code -} or {@code .}, kept in NFC. Two names are the same name when they
 * look alike: {@link #key()} is their Unicode confusable skeleton (UTS #39), so
 * {@code Alice}, Cyrillic {@code аlice} and fullwidth {@code ａｌｉｃｅ} share one key.
 */
public record Username(String display) {

    public static final int MAX_LENGTH = 20;

    /** The reason given for a name that mixes scripts the way spoofs do. */
    public static final String MIXES_SCRIPTS = "mixes scripts";

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    /**
     * Skeletons only: no check is enabled, so it also takes names that break the rules.
     */
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    /**
     * UTS #39 "moderately restrictive": Latin may go with Han, Hangul, Kana or any one
     * other script but Cyrillic, Greek or Cherokee.
     */
    private static final SpoofChecker SCRIPTS = new SpoofChecker.Builder().setChecks(SpoofChecker.RESTRICTION_LEVEL)
        .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
        .build();

    private static final Set<String> RESERVED = Stream.of("server", "admin", "system")
        .map(Username::keyOf)
        .collect(Collectors.toUnmodifiableSet());

    /**
     * Enough rounds for every skeleton seen; the loop stops as soon as the key no longer
     * changes.
     */
    private static final int MAX_KEY_ROUNDS = 8;

    public Username {
        display = NFC.normalize(display);
        Check check = check(display);
        if (!(check instanceof Check.Valid)) {
            throw new IllegalArgumentException(((Check.Rejected) check).reason());
        }
    }

    /**
     * Loads the Unicode tables behind names (a noticeable pause the first time), so that
     * the first client to choose a name does not wait for them while later ones overtake
     * it.
     */
    public static void loadTables() {
        check("warm-up");
    }

    /** The form two names share when they look alike. */
    public String key() {
        return keyOf(display);
    }

    @Override
    public String toString() {
        return display;
    }

    /**
     * Checks a candidate name (as typed; it is NFC-normalised first) against the rules,
     * with the reason when it fails.
     */
    public static Check check(String candidate) {
        String name = NFC.normalize(candidate);
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            return new Check.Rejected(length < 1 ? "is empty" : "is too long (at most " + MAX_LENGTH + " characters)");
        }
        if (!name.codePoints().allMatch(Username::allowed)) {
            return new Check.Rejected("has characters that are not allowed (use letters, digits, _ - and .)");
        }
        if (RESERVED.contains(keyOf(name))) {
            return new Check.Rejected("is reserved");
        }
        if (SCRIPTS.failsChecks(name)) {
            return new Check.Rejected(MIXES_SCRIPTS);
        }
        return new Check.Valid();
    }

    /**
     * The confusable skeleton of the case-folded name. Skeletons keep case and are not
     * always folded, so the two steps repeat until the key stands still: the key of a key
     * is the key itself. NFC first: case folding turns the Greek iota subscript into a
     * letter of its own, which put it in different places for the composed and decomposed
     * spellings.
     */
    public static String keyOf(String name) {
        String key = NFC.normalize(name);
        for (int round = 0; round < MAX_KEY_ROUNDS; round++) {
            String next = SKELETONS.getSkeleton(NFKC_CASEFOLD.normalize(key));
            if (next.equals(key)) {
                return key;
            }
            key = next;
        }
        return key;
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || Character.isDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == '_' || cp == '-' || cp == '.';
    }

    /** The outcome of {@link #check(String)}. */
    public sealed interface Check {

        record Valid() implements Check {
        }

        record Rejected(String reason) implements Check {
        }

    }
}
