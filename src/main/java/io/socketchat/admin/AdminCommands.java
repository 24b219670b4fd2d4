package io.socketchat.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.socketchat.accounts.AccountBook;
import io.socketchat.accounts.AccountsUnavailableException;
import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Username;
import io.socketchat.room.Bouncer;
import io.socketchat.room.ChatRoom;
import io.socketchat.room.RoomUnavailableException;

import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** What the operator can do from the server's terminal. */
@Component
public class AdminCommands {

    private final ChatRoom room;

    private final ServerShutdown shutdown;

    private final Bouncer bouncer;

    private final AccountBook accounts;

    private final Duration inviteTtl;

    AdminCommands(ChatRoom room, ServerShutdown shutdown, Bouncer bouncer, AccountBook accounts,
            ChatProperties properties) {
        this.room = room;
        this.shutdown = shutdown;
        this.bouncer = bouncer;
        this.accounts = accounts;
        this.inviteTtl = properties.accounts().inviteTtl();
    }

    @Command(name = "say", description = "Say something to everyone, as Server: <text>", group = "Chat")
    public String say(@Arguments List<String> words) {
        String text = String.join(" ", words == null ? List.of() : words).strip();
        if (text.isEmpty()) {
            return "Usage: say <text>";
        }
        room.say(text);
        return "Sent to " + room.size() + (room.size() == 1 ? " user." : " users.");
    }

    @Command(name = "who", description = "List the users in the chat", group = "Chat")
    public String who() {
        List<String> names = room.who();
        return names.isEmpty() ? "Nobody is in the chat." : names.size() + " online: " + String.join(", ", names);
    }

    @Command(name = "kick", description = "Disconnect a user: kick <user> [reason]", group = "Chat")
    public String kick(@Arguments List<String> words) {
        if (noTarget(words)) {
            return "Usage: kick <user> [reason]";
        }
        String user = words.get(0);
        String reason = String.join(" ", words.subList(1, words.size())).strip();
        return room.kick(user, reason) ? "Kicked " + user + "." : "No user named \"" + user + "\".";
    }

    @Command(name = "ban",
            description = "Ban an address, or a user's (who is kicked): ban <user or address> [minutes] [reason]",
            group = "Chat")
    public String ban(@Arguments List<String> words) {
        if (noTarget(words)) {
            return BanAnswers.BAN_USAGE;
        }
        String target = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Duration duration = null;
        if (!rest.isEmpty() && BanAnswers.isNumber(rest.get(0))) {
            duration = BanAnswers.minutes(rest.get(0));
            if (duration == null) {
                return BanAnswers.MINUTES_RANGE;
            }
            rest = rest.subList(1, rest.size());
        }
        String reason = String.join(" ", rest).strip();
        Duration banFor = duration;
        return withBans(() -> BanAnswers.of(bouncer.ban(target, banFor, reason), banFor));
    }

    @Command(name = "unban", description = "Let a banned address in again: unban <address>", group = "Chat")
    public String unban(@Arguments List<String> words) {
        if (words == null || words.size() != 1 || words.get(0).isBlank()) {
            return "Usage: unban <address>";
        }
        String address = words.get(0);
        return withBans(() -> bouncer.unban(address) ? "Unbanned " + address + "." : address + " is not banned.");
    }

    @Command(name = "bans", description = "List the banned addresses with the time left", group = "Chat")
    public String bans() {
        return withBans(() -> BanAnswers.of(bouncer.bans()));
    }

    @Command(name = "invite",
            description = "Make a one-time invite code for a name (a new account, or a reset one): invite <name> [hours]",
            group = "Accounts")
    public String invite(@Arguments List<String> words) {
        if (noTarget(words) || words.size() > 2) {
            return AccountAnswers.INVITE_USAGE;
        }
        Duration validFor = inviteTtl;
        if (words.size() == 2) {
            validFor = AccountAnswers.hours(words.get(1));
            if (validFor == null) {
                return AccountAnswers.HOURS_RANGE;
            }
        }
        if (!accounts.enabled()) {
            return AccountAnswers.OFF;
        }
        String name = words.get(0);
        if (Username.check(name) instanceof Username.Check.Rejected rejected) {
            return "Username \"" + name + "\" " + rejected.reason() + ".";
        }
        Duration ttl = validFor;
        return withAccounts(() -> AccountAnswers.of(accounts.invite(new Username(name), ttl)));
    }

    @Command(name = "accounts", description = "List the accounts: name, registered or invited, created, last seen",
            group = "Accounts")
    public String accounts() {
        if (!accounts.enabled()) {
            return AccountAnswers.OFF;
        }
        return withAccounts(() -> AccountAnswers.of(accounts.accounts(), Instant.now()));
    }

    @Command(name = "forget", description = "Delete an account: forget <name>", group = "Accounts")
    public String forget(@Arguments List<String> words) {
        if (noTarget(words) || words.size() != 1) {
            return AccountAnswers.FORGET_USAGE;
        }
        if (!accounts.enabled()) {
            return AccountAnswers.OFF;
        }
        String name = words.get(0);
        return withAccounts(() -> accounts.forget(name)
            .map(account -> "Account " + account.name() + " removed.")
            .orElse("No account named \"" + name + "\"."));
    }

    @Command(name = "shutdown", description = "Tell everyone, deliver what is queued, close and exit", group = "Chat")
    public String shutdown() {
        shutdown.begin();
        return "Shutting down.";
    }

    private static boolean noTarget(List<String> words) {
        return words == null || words.isEmpty() || words.get(0).isBlank();
    }

    /** The answer, or that nothing changed when the accounts cannot be reached. */
    private static String withAccounts(Supplier<String> answer) {
        try {
            return answer.get();
        }
        catch (AccountsUnavailableException ex) {
            return AccountAnswers.UNAVAILABLE;
        }
    }

    /** The answer, or that nothing changed when the bans cannot be reached. */
    private static String withBans(Supplier<String> answer) {
        try {
            return answer.get();
        }
        catch (RoomUnavailableException ex) {
            return BanAnswers.UNAVAILABLE;
        }
    }

}
