package io.socketchat.accounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.socketchat.accounts.LoginMeters.Result;
import io.socketchat.config.ChatProperties;
import io.socketchat.config.ChatProperties.Accounts.Mode;
import io.socketchat.protocol.Username;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The chat's accounts: what a name needs at the door, the checks of passwords and invite
 * codes (asynchronous: they run on the {@link SecretHasher}'s pool), invites, and the
 * brute-force rule. With {@code chat.accounts.mode=off} it is never asked and touches no
 * file. Names are compared by their look-alike key, so an account reserves every name
 * that looks like it.
 */
@Service
public class AccountBook implements DisposableBean {

    /** Passwords: at least this many characters... */
    public static final int MIN_PASSWORD_CHARS = 8;

    /** ...and at most this many bytes of UTF-8. */
    public static final int MAX_PASSWORD_BYTES = 256;

    /** What a name meets at the door. */
    public sealed interface Door {

        /** No account has the name or one like it. */
        record Free() implements Door {
        }

        /** An account has a name that looks like it but is spelt otherwise. */
        record LookAlike(Account account) implements Door {
        }

        record AskPassword(Account account) implements Door {
        }

        record AskCode(Account account) implements Door {
        }

        record Expired(Account account) implements Door {
        }

        /** Too many wrong answers for this account from this address lately. */
        record Locked(Account account) implements Door {
        }

    }

    /** The outcome of a password or code check. */
    public enum Check {

        RIGHT, WRONG, LOCKED, EXPIRED,
        /** No such account (any more), or not one with a password of that kind. */
        NO_ACCOUNT

    }

    /** An invite made from the console: the code is shown once and kept nowhere. */
    public record Invite(Account account, String code, Duration validFor) {
    }

    private final ChatProperties.Accounts settings;

    private final Clock clock;

    private final AccountStore store;

    private final SecretHasher hasher = new SecretHasher();

    private final LoginLockout lockout;

    private final LoginMeters meters = new LoginMeters();

    /**
     * @param shared the accounts of every node, when there are several
     */
    @Autowired
    public AccountBook(ChatProperties properties, Optional<AccountStore> shared) {
        this(properties, Clock.systemUTC(), shared.orElse(null));
    }

    AccountBook(ChatProperties properties, Clock clock, AccountStore store) {
        this.settings = properties.accounts();
        this.clock = clock;
        this.lockout = new LoginLockout(properties.passwordAttempts(), clock);
        if (store != null || !settings.enabled()) {
            this.store = store;
        }
        else {
            this.store = new FileAccountStore(Path.of(properties.dataDir()));
        }
        if (settings.enabled()) {
            hasher.warmUp();
        }
    }

    public Mode mode() {
        return settings.kind();
    }

    /** False with {@code chat.accounts.mode=off}: every other method is then unused. */
    public boolean enabled() {
        return settings.enabled() && store != null;
    }

    public LoginMeters meters() {
        return meters;
    }

    /** The account of that name or of one that looks like it. */
    public Optional<Account> find(String name) {
        return enabled() ? store.find(Username.keyOf(name)) : Optional.empty();
    }

    /**
     * What a chosen name meets: nothing, a question, or a refusal. Counts the expired
     * invites and lockouts it turns away.
     * @param name a valid name
     */
    public Door door(Username name, String address) {
        Optional<Account> found = store.find(name.key());
        if (found.isEmpty()) {
            return new Door.Free();
        }
        Account account = found.get();
        if (!sameSpelling(account.name(), name.display())) {
            return new Door.LookAlike(account);
        }
        if (account.expired(clock.instant())) {
            meters.count(Result.EXPIRED);
            return new Door.Expired(account);
        }
        if (lockout.isLocked(address, account.key())) {
            meters.count(Result.LOCKED);
            return new Door.Locked(account);
        }
        return account.isInvited() ? new Door.AskCode(account) : new Door.AskPassword(account);
    }

    /**
     * A login with the account's password: the check for a door other than the chat's
     * line protocol too (IRC's {@code PASS}). Counts the outcome in {@code chat.logins}
     * and the brute-force rule, and marks the account seen when right.
     */
    public CompletableFuture<Check> logIn(String name, String password, String address) {
        return checkPassword(name, password, address, true);
    }

    /** The current password before a change: counted for the brute-force rule only. */
    public CompletableFuture<Check> confirm(String name, String password, String address) {
        return checkPassword(name, password, address, false);
    }

    private CompletableFuture<Check> checkPassword(String name, String password, String address, boolean login) {
        Optional<Account> found = store.find(Username.keyOf(name));
        if (found.isEmpty() || found.get().isInvited()) {
            return CompletableFuture.completedFuture(Check.NO_ACCOUNT);
        }
        Account account = found.get();
        if (lockout.isLocked(address, account.key())) {
            meters.count(Result.LOCKED);
            return CompletableFuture.completedFuture(Check.LOCKED);
        }
        return hasher.matches(password, account.secret()).thenApply(right -> {
            if (!right) {
                wrong(address, account, Result.WRONG_PASSWORD);
                return Check.WRONG;
            }
            lockout.succeeded(address, account.key());
            if (login) {
                loggedIn(account);
            }
            return Check.RIGHT;
        });
    }

    /** An invite code for an invited account. */
    public CompletableFuture<Check> checkCode(Account invited, String code, String address) {
        if (lockout.isLocked(address, invited.key())) {
            meters.count(Result.LOCKED);
            return CompletableFuture.completedFuture(Check.LOCKED);
        }
        return hasher.matches(InviteCode.normalized(code), invited.secret()).thenApply(right -> {
            if (!right) {
                wrong(address, invited, Result.WRONG_CODE);
                return Check.WRONG;
            }
            if (invited.expired(clock.instant())) {
                meters.count(Result.EXPIRED);
                return Check.EXPIRED;
            }
            lockout.succeeded(address, invited.key());
            return Check.RIGHT;
        });
    }

    /**
     * The invited person's chosen password: the account is registered, the invite used.
     * Completes with the account, or empty when the invite was used or reset meanwhile.
     */
    public CompletableFuture<Optional<Account>> acceptInvite(Account invited, String password) {
        return hasher.hash(password).thenApply(hash -> {
            Account registered = invited.registered(hash, clock.instant());
            if (!store.replace(invited, registered)) {
                return Optional.empty();
            }
            meters.count(Result.OK);
            return Optional.of(registered);
        });
    }

    /**
     * {@code /register}: the name gets an account with this password. Empty when it had
     * one already.
     */
    public CompletableFuture<Optional<Account>> register(Username name, String password) {
        return hasher.hash(password).thenApply(hash -> {
            long now = clock.millis();
            Account account = new Account(name.display(), Account.Status.REGISTERED, hash, 0, now, now);
            return store.replace(null, account) ? Optional.of(account) : Optional.empty();
        });
    }

    /** {@code /password}: false when the account is gone. */
    public CompletableFuture<Boolean> changePassword(String name, String password) {
        return hasher.hash(password).thenApply(hash -> {
            Optional<Account> found = store.find(Username.keyOf(name));
            return found.isPresent() && !found.get().isInvited()
                    && store.replace(found.get(), found.get().registered(hash, clock.instant()));
        });
    }

    /**
     * Console {@code invite}: creates the account, or resets an existing one (its
     * password no longer works). Blocks for one hash: the console's thread, not a line's.
     */
    public Invite invite(Username name, Duration validFor) {
        String code = InviteCode.next();
        String hash = hasher.hash(InviteCode.normalized(code)).join();
        Instant now = clock.instant();
        Optional<Account> before = store.find(name.key());
        long created = before.map(Account::created).orElse(now.toEpochMilli());
        long lastSeen = before.map(Account::lastSeen).orElse(0L);
        Account account = new Account(name.display(), Account.Status.INVITED, hash, now.plus(validFor).toEpochMilli(),
                created, lastSeen);
        store.put(account);
        return new Invite(account, code, validFor);
    }

    /** Every account, by name as people sort them. */
    public List<Account> accounts() {
        return store.all()
            .stream()
            .sorted(Comparator.comparing((Account account) -> account.name().toLowerCase(Locale.ROOT))
                .thenComparing(Account::name))
            .toList();
    }

    /** Console {@code forget}: the account removed, or empty when there was none. */
    public Optional<Account> forget(String name) {
        Optional<Account> found = store.find(Username.keyOf(name));
        if (found.isPresent() && store.remove(found.get().key())) {
            return found;
        }
        return Optional.empty();
    }

    /** Whether the password may be chosen: the reason when not. */
    public static PasswordRule checkNewPassword(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            return PasswordRule.TOO_SHORT;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return PasswordRule.TOO_LONG;
        }
        return PasswordRule.FINE;
    }

    /** The password rule's answer. */
    public enum PasswordRule {

        FINE, TOO_SHORT, TOO_LONG

    }

    @Override
    public void destroy() {
        hasher.close();
    }

    private void wrong(String address, Account account, Result result) {
        meters.count(result);
        lockout.failed(address, account.key());
    }

    private void loggedIn(Account account) {
        meters.count(Result.OK);
        try {
            store.replace(account, account.seen(clock.instant()));
        }
        catch (AccountsUnavailableException ex) {
            // the login stands; only the "last seen" is not recorded
        }
    }

    /**
     * Names with one key are one account; the account's own spelling differs only in
     * case.
     */
    private static boolean sameSpelling(String accountName, String typed) {
        return Username.keyOf(accountName).equals(Username.keyOf(typed))
                && accountName.toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT));
    }

}
