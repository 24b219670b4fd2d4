package io.socketchat.admin;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.socketchat.room.Bouncer;

/** How the console words bans: what a ban did, and the list of bans in force. */
final class BanAnswers {

    static final String BAN_USAGE = "Usage: ban <user or address> [minutes] [reason]";

    /** A year: beyond it, a ban until unbanned says what is meant. */
    static final long MAX_MINUTES = 525_600;
    static final String MINUTES_RANGE = "Minutes must be from 1 to " + MAX_MINUTES
            + "; leave them out for a ban until unbanned.";

    /** With several nodes the bans are kept in Redis. */
    static final String UNAVAILABLE = "The bans cannot be reached now (Redis is unreachable); nothing was changed.";

    private BanAnswers() {
    }

    static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit) && !word.isEmpty();
    }

    /**
     * @return null when out of range
     */
    static Duration minutes(String word) {
        if (word.length() > 7) {
            return null;
        }
        long minutes = Long.parseLong(word);
        return minutes >= 1 && minutes <= MAX_MINUTES ? Duration.ofMinutes(minutes) : null;
    }

    static String of(Bouncer.Outcome outcome, Duration duration) {
        if (outcome instanceof Bouncer.Outcome.NoSuchTarget none) {
            return "No user named \"" + none.target() + "\", and \"" + none.target() + "\" is not an IP address.";
        }
        Bouncer.Outcome.Banned banned = (Bouncer.Outcome.Banned) outcome;
        String howLong = duration == null ? "until unbanned" : "for " + minutes(duration.toMinutes());
        if (banned.user() == null) {
            return "Banned " + banned.address() + " " + howLong + "."
                    + (banned.closed() > 0 ? " Closed " + connections(banned.closed(), "") + " from it." : "");
        }
        int others = banned.closed() - 1;
        return "Kicked " + banned.user() + " and banned " + banned.address() + " " + howLong + "."
                + (others > 0 ? " Closed " + connections(others, "other ") + " from it." : "");
    }

    private static String connections(int count, String other) {
        return count + " " + other + (count == 1 ? "connection" : "connections");
    }

    static String of(List<Bouncer.BanInForce> bans) {
        if (bans.isEmpty()) {
            return "No bans.";
        }
        return bans.stream()
            .map(BanAnswers::line)
            .collect(Collectors.joining("\n", bans.size() + (bans.size() == 1 ? " ban:\n" : " bans:\n"), ""));
    }

    private static String line(Bouncer.BanInForce ban) {
        String left = ban.left() == null ? "until unbanned" : minutesLeft(ban.left());
        return "  " + ban.address() + "  " + left + (ban.reason().isEmpty() ? "" : "  (" + ban.reason() + ")");
    }

    /** Rounded up: a ban with 30 s to go still has "1 minute left". */
    private static String minutesLeft(Duration left) {
        long minutes = (left.toSeconds() + 59) / 60;
        return minutes(Math.max(1, minutes)) + " left";
    }

    private static String minutes(long minutes) {
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

}
