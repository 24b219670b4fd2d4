package io.socketchat.accounts;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invite codes: 12 characters from {@link SecureRandom} (about 59 bits), shown in groups
 * of four ({@code k7m2-x9qp-4trw}); letters and digits that are easily confused
 * ({@code 0 o 1 l i}) are left out. Read back without case, dashes or spaces.
 */
final class InviteCode {

    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    private static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCode() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The form that is hashed: what was typed without case, dashes or blanks. */
    static String normalized(String typed) {
        StringBuilder code = new StringBuilder(typed.length());
        typed.codePoints()
            .filter(cp -> cp != '-' && !Character.isWhitespace(cp))
            .forEach(cp -> code.appendCodePoint(Character.toLowerCase(cp)));
        return code.toString().toLowerCase(Locale.ROOT);
    }

}
