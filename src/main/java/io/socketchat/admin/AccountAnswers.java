package io.socketchat.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.socketchat.accounts.Account;
import io.socketchat.accounts.AccountBook;

/** How the console words accounts: an invite made, the list, an account removed. */
final class AccountAnswers {

    static final String INVITE_USAGE = "Usage: invite <name> [hours]";

    static final String FORGET_USAGE = "Usage: forget <name>";

    /** A year: an invite longer than that is no invite. */
    static final long MAX_HOURS = 8760;

    static final String HOURS_RANGE = "Hours must be from 1 to " + MAX_HOURS + ".";

    static final String OFF = "Accounts are off: start the server with --chat.accounts.mode=invite (or open).";

    static final String UNAVAILABLE = "The accounts cannot be reached now; nothing was changed.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.systemDefault());

    private AccountAnswers() {
    }

    /**
     * @return null when not a number of hours in range
     */
    static Duration hours(String word) {
        if (word.isEmpty() || word.length() > 4 || !word.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long hours = Long.parseLong(word);
        return hours >= 1 && hours <= MAX_HOURS ? Duration.ofHours(hours) : null;
    }

    static String of(AccountBook.Invite invite) {
        String name = invite.account().name();
        return "Invite code for " + name + ": " + invite.code() + " (valid " + validity(invite.validFor())
                + "). They join as " + name + " and enter it once.";
    }

    /**
     * Whole hours, or minutes or seconds when shorter than an hour: {@code 24 h},
     * {@code 30 min}, {@code 2 s}.
     */
    static String validity(Duration validFor) {
        if (validFor.toHours() >= 1) {
            return validFor.toHours() + " h";
        }
        if (validFor.toMinutes() >= 1) {
            return validFor.toMinutes() + " min";
        }
        return validFor.toSeconds() + " s";
    }

    static String of(List<Account> accounts, Instant now) {
        if (accounts.isEmpty()) {
            return "No accounts.";
        }
        int width = accounts.stream().mapToInt(account -> account.name().length()).max().orElse(0);
        return accounts.stream()
            .map(account -> line(account, width, now))
            .collect(Collectors.joining("\n", accounts.size() + (accounts.size() == 1 ? " account:\n" : " accounts:\n"),
                    ""));
    }

    private static String line(Account account, int width, Instant now) {
        String status = account.isInvited() ? (account.expired(now) ? "invited (expired)" : "invited") : "registered";
        String seen = account.lastSeen() == 0 ? "never seen" : "last seen " + when(account.lastSeen());
        return "  " + pad(account.name(), width) + "  " + pad(status, 17) + "  created " + when(account.created())
                + "  " + seen;
    }

    private static String when(long millis) {
        return WHEN.format(Instant.ofEpochMilli(millis));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

}
