package io.socketchat.protocol;

import java.time.Duration;
import java.util.List;

/** The exact lines the server sends, as PROTOCOL.md words them. */
public final class Replies {

    public static final String PASSWORD = "Password:";

    public static final String WRONG_PASSWORD = "! Wrong password.";

    public static final String SERVER_BUSY = "! Server is busy. Try again later.";

    public static final String TOO_MANY_TRIES = "! Too many tries; closing the connection.";

    public static final String HISTORY_END = "-- end of history --";

    public static final String SHUTTING_DOWN = "* Server is shutting down.";

    public static final String TOO_FAST = "! You are sending too fast; message not sent.";

    public static final String TOO_MANY_FROM_ADDRESS = "! Too many connections from your address.";

    public static final String TOO_MANY_WRONG_PASSWORDS = "! Too many wrong passwords. Try again later.";

    public static final String BANNED = "! You are banned from this chat.";

    /**
     * A joined user's line when the room's store (Redis, with several nodes) cannot be
     * reached.
     */
    public static final String NOT_DELIVERED = "! Not delivered: the chat is unavailable. Try again shortly.";

    /**
     * A new connection when the room's store cannot be reached; the connection is then
     * closed.
     */
    public static final String CHAT_UNAVAILABLE = "! Chat unavailable. Try again later.";

    /**
     * The first question of choosing a password (an invite, {@code /register},
     * {@code /password}).
     */
    public static final String CHOOSE_PASSWORD = "Choose a password (at least 8 characters):";

    public static final String REPEAT_PASSWORD = "Repeat the password:";

    public static final String PASSWORD_TOO_SHORT = "! At least 8 characters. " + CHOOSE_PASSWORD;

    /** A password over 256 bytes of UTF-8: PROTOCOL.md gives the limit, not the line. */
    public static final String PASSWORD_TOO_LONG = "! At most 256 bytes. " + CHOOSE_PASSWORD;

    public static final String PASSWORDS_DIFFER = "! The passwords differ. " + CHOOSE_PASSWORD;

    public static final String CURRENT_PASSWORD = "Current password:";

    public static final String PASSWORD_CHANGED = "* Password changed.";

    public static final String REGISTRATION_CLOSED = "! Registration is closed.";

    public static final String NO_ACCOUNT = "! You have no account; nothing to change.";

    /**
     * To the users of a node that skipped or lost part of the room's order (a switch of
     * Redis primary, or a node too far behind), once it has read the room again.
     */
    public static final String MISSING_HERE = "* Some messages may be missing here.";

    public static final List<String> HELP = List.of("* Commands:", "*   /who                 who is online",
            "*   /msg <user> <text>   a private message to one user",
            "*   /me <action>         an action, shown as: * yourname action",
            "*   /nick <new name>     change your name", "*   /help                this list",
            "*   //text               send a message that starts with /", "*   exit or /quit        leave the chat");

    /** Added to {@link #HELP} when names can have accounts. */
    public static final List<String> ACCOUNT_HELP = List.of(
            "*   /register            give the name you use a password (open mode)",
            "*   /password            change your account's password");

    private Replies() {
    }

    public static String welcome(String chatName) {
        return "Welcome to " + chatName + "! Enter your username:";
    }

    public static String serverFull(int users, int maxClients) {
        return "! Server is full (" + users + "/" + maxClients + " users). Try again later.";
    }

    public static String nameRejected(String name, String reason) {
        return "! Username \"" + name + "\" " + reason + ". Enter another username:";
    }

    public static String nickRejected(String name, String reason) {
        return "! Username \"" + name + "\" " + reason + ".";
    }

    public static String loginTimedOut(Duration timeout) {
        return "! No username within " + timeout.toSeconds() + " seconds; closing the connection.";
    }

    public static String hello(Username you, List<String> online) {
        return "Hello " + you + "! " + usersOnline(online) + ". Type /help for commands, exit to leave.";
    }

    public static String who(List<String> online) {
        return "* " + usersOnline(online);
    }

    private static String usersOnline(List<String> online) {
        return online.size() + (online.size() == 1 ? " user" : " users") + " online: " + String.join(", ", online);
    }

    public static String historyStart(int count) {
        return "-- last " + count + (count == 1 ? " message --" : " messages --");
    }

    /**
     * To a sender some of whose accepted lines the Redis primary lost in a switch-over.
     */
    public static String mayNotHaveReached(int lines) {
        return lines == 1 ? "! Your last line may not have reached everyone."
                : "! Your last " + lines + " lines may not have reached everyone.";
    }

    public static String joined(Username name) {
        return "* " + name + " joined the chat";
    }

    public static String left(Username name) {
        return "* " + name + " left the chat";
    }

    public static String message(Username from, String text) {
        return from + ": " + text;
    }

    public static String action(Username from, String text) {
        return "* " + from + " " + text;
    }

    public static String privateFrom(Username from, String text) {
        return "[private] " + from + ": " + text;
    }

    public static String privateTo(Username to, String text) {
        return "[private to " + to + "] " + text;
    }

    public static String noSuchUser(String name) {
        return "! No user named \"" + name + "\".";
    }

    public static String renamed(Username from, Username to) {
        return "* " + from + " is now known as " + to;
    }

    public static String unknownCommand(String command) {
        return "! Unknown command " + command + ". Type /help.";
    }

    public static String usage(String usage) {
        return "! Usage: " + usage;
    }

    public static String server(String text) {
        return "Server: " + text;
    }

    public static String youWereKicked(String reason) {
        return reason.isEmpty() ? "! You were kicked." : "! You were kicked: " + reason;
    }

    public static String kicked(Username name, String reason) {
        return reason.isEmpty() ? "* " + name + " was kicked" : "* " + name + " was kicked (" + reason + ")";
    }

    public static String notReading(Username name) {
        return "* " + name + " was disconnected (not reading)";
    }

    public static String lineTooLong(int maxLineBytes) {
        return "! Line too long (max " + maxLineBytes + " bytes); not sent.";
    }

    public static String passwordFor(String account) {
        return "Password for " + account + ":";
    }

    public static String wrongPasswordFor(String account) {
        return "! Wrong password for " + account + ".";
    }

    public static String inviteCodeFor(String account) {
        return "Invite code for " + account + ":";
    }

    public static String wrongInviteCode(String account) {
        return "! Wrong invite code for " + account + ".";
    }

    public static String inviteExpired(String account) {
        return "! The invite for " + account + " has expired. Ask the admin for a new one.";
    }

    public static String noAccountHere(String name) {
        return "! \"" + name + "\" has no account here. Ask the admin for an invite. Enter your username:";
    }

    /** The last try's answer: the same without the question, as the connection closes. */
    public static String noAccountHereLastTry(String name) {
        return "! \"" + name + "\" has no account here. Ask the admin for an invite.";
    }

    public static String lockedOutOf(String account) {
        return "! Too many wrong passwords for " + account + ". Try again later.";
    }

    public static String registered(String account) {
        return "* " + account + " is registered: this name needs its password from now on.";
    }

    public static String alreadyRegistered(String account) {
        return "! " + account + " is already registered.";
    }

}
