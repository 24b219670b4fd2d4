package io.socketchat.room;

import io.socketchat.accounts.Account;

/**
 * Where one session is in an account dialogue: why it was started, which question waits
 * for its answer, and the first of two password entries (kept only until the repeat).
 * Touched by one line at a time ({@link Session} holds lines while a check runs).
 */
final class AccountTalk {

    /** Why the questions are asked. */
    enum Purpose {

        /** A registered name at the door: its password. */
        LOG_IN,
        /** An invited name at the door: the code, then a new password. */
        INVITE,
        /** {@code /register}: a new password for the name in use. */
        REGISTER,
        /** {@code /password}: the current one, then a new one. */
        CHANGE

    }

    /** The question waiting for an answer. */
    enum Step {

        PASSWORD, CODE, CHOOSE, REPEAT, CURRENT

    }

    final Purpose purpose;

    /** The account asked about (for {@code REGISTER}: none yet, null). */
    final Account account;

    /** The name the account is for. */
    final String name;

    Step step;

    /** The new password typed once, until it is repeated. */
    String chosen;

    AccountTalk(Purpose purpose, Step step, Account account, String name) {
        this.purpose = purpose;
        this.step = step;
        this.account = account;
        this.name = name;
    }

}
