package io.socketchat.room;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.socketchat.accounts.Account;
import io.socketchat.accounts.AccountBook;
import io.socketchat.accounts.AccountBook.Check;
import io.socketchat.accounts.AccountBook.Door;
import io.socketchat.accounts.AccountsUnavailableException;
import io.socketchat.config.ChatProperties.Accounts.Mode;
import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.Replies;
import io.socketchat.protocol.Sanitizer;
import io.socketchat.protocol.Username;
import io.socketchat.room.AccountTalk.Purpose;
import io.socketchat.room.AccountTalk.Step;

/**
 * The account questions of PROTOCOL.md "Accounts (v3)", between the {@link Reception} and
 * the {@link AccountBook}: the password or invite code after a registered or invited
 * name, choosing a password, {@code /register} and {@code /password}, and names reserved
 * by accounts. A check of a password or code runs on the book's own pool; meanwhile the
 * session holds the lines that arrive, and the next step runs on a thread of this class,
 * never on one that carries lines, then hands the held lines back in order.
 */
final class AccountQuestions {

    private final AccountBook book;

    private final Reception reception;

    private final ChatRoom room;

    /**
     * Runs the step after a check: it may join the room, which can hold its thread while
     * readers catch up; one per session at most, so bounded by the connections.
     */
    private final ThreadPoolExecutor steps;

    AccountQuestions(AccountBook book, Reception reception, ChatRoom room, int maxSessions) {
        this.book = book;
        this.reception = reception;
        this.room = room;
        AtomicInteger count = new AtomicInteger();
        this.steps = new ThreadPoolExecutor(0, maxSessions, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, "account-step-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    boolean enabled() {
        return book.enabled();
    }

    /** Whether a name refused as mixing scripts looks like an account's name. */
    boolean isRegisteredLookAlike(String candidate) {
        try {
            return enabled() && book.find(candidate).isPresent();
        }
        catch (AccountsUnavailableException ex) {
            // the name is refused anyway; only the reason given differs
            return false;
        }
    }

    /**
     * A valid name was chosen: asks the account's question, refuses it, or joins.
     * @return the refusal, or null once joined, asked or closed
     */
    Refusal atTheDoor(Session session, Username name) {
        Door door;
        try {
            door = book.door(name, session.address());
        }
        catch (AccountsUnavailableException ex) {
            reception.turnAway(session, Replies.CHAT_UNAVAILABLE, "unavailable");
            return null;
        }
        if (door instanceof Door.Free) {
            return book.mode() == Mode.INVITE ? Refusal.noAccount(name.display())
                    : Refusal.of(name.display(), reception.join(session, name));
        }
        if (door instanceof Door.LookAlike) {
            return Refusal.of(name.display(), "is registered");
        }
        if (room.member(name.display()) != null) {
            // its owner is in already: no point checking a password
            return Refusal.of(name.display(), "is taken");
        }
        if (door instanceof Door.Expired expired) {
            reception.close(session, Replies.inviteExpired(expired.account().name()));
        }
        else if (door instanceof Door.Locked locked) {
            reception.close(session, Replies.lockedOutOf(locked.account().name()));
        }
        else if (door instanceof Door.AskCode code) {
            ask(session, new AccountTalk(Purpose.INVITE, Step.CODE, code.account(), code.account().name()),
                    Replies.inviteCodeFor(code.account().name()));
        }
        else {
            Account account = ((Door.AskPassword) door).account();
            ask(session, new AccountTalk(Purpose.LOG_IN, Step.PASSWORD, account, account.name()),
                    Replies.passwordFor(account.name()));
        }
        return null;
    }

    /**
     * A joined user's line, before the room: {@code /register}, {@code /password}, and
     * {@code /nick} to a name an account holds. Returns whether it was taken here.
     */
    boolean takes(Session session, String line) {
        try {
            return takes(session, ChatCommand.parse(line));
        }
        catch (AccountsUnavailableException ex) {
            session.send(Replies.NOT_DELIVERED);
            return true;
        }
    }

    private boolean takes(Session session, ChatCommand command) {
        if (command instanceof ChatCommand.Register) {
            register(session);
            return true;
        }
        if (command instanceof ChatCommand.ChangePassword) {
            changePassword(session);
            return true;
        }
        if (command instanceof ChatCommand.Help) {
            Replies.HELP.forEach(session::send);
            Replies.ACCOUNT_HELP.forEach(session::send);
            return true;
        }
        if (command instanceof ChatCommand.Nick nick) {
            return refusesRename(session, Sanitizer.stripName(nick.newName()));
        }
        return false;
    }

    /** A line of a session in a dialogue: the answer to the question asked. */
    void answer(Session session, String text) {
        AccountTalk talk = session.talk();
        if (text.isBlank()) {
            return;
        }
        try {
            answer(session, talk, text);
        }
        catch (AccountsUnavailableException ex) {
            failed(session, ex);
        }
    }

    private void answer(Session session, AccountTalk talk, String text) {
        switch (talk.step) {
            case PASSWORD ->
                check(session, book.logIn(talk.name, text, session.address()), check -> loggedIn(session, talk, check));
            case CODE -> check(session, book.checkCode(talk.account, text, session.address()),
                    check -> codeChecked(session, talk, check));
            case CURRENT -> check(session, book.confirm(talk.name, text, session.address()),
                    check -> confirmed(session, talk, check));
            case CHOOSE -> chosen(session, talk, text);
            case REPEAT -> repeated(session, talk, text);
        }
    }

    private void ask(Session session, AccountTalk talk, String question) {
        session.talk(talk);
        session.send(question);
    }

    private void loggedIn(Session session, AccountTalk talk, Check check) {
        switch (check) {
            case RIGHT -> join(session, talk.account.name());
            case LOCKED -> reception.close(session, Replies.lockedOutOf(talk.name));
            default -> reception.close(session, Replies.wrongPasswordFor(talk.name));
        }
    }

    private void codeChecked(Session session, AccountTalk talk, Check check) {
        switch (check) {
            case RIGHT -> {
                talk.step = Step.CHOOSE;
                // a fresh login time for choosing the password
                reception.restartLoginTimer(session);
                session.send(Replies.CHOOSE_PASSWORD);
            }
            case EXPIRED -> reception.close(session, Replies.inviteExpired(talk.name));
            case LOCKED -> reception.close(session, Replies.lockedOutOf(talk.name));
            default -> reception.close(session, Replies.wrongInviteCode(talk.name));
        }
    }

    private void confirmed(Session session, AccountTalk talk, Check check) {
        switch (check) {
            case RIGHT -> {
                talk.step = Step.CHOOSE;
                session.send(Replies.CHOOSE_PASSWORD);
            }
            case LOCKED -> endTalk(session, Replies.lockedOutOf(talk.name));
            case NO_ACCOUNT -> endTalk(session, Replies.NO_ACCOUNT);
            default -> endTalk(session, Replies.WRONG_PASSWORD);
        }
    }

    private void chosen(Session session, AccountTalk talk, String password) {
        switch (AccountBook.checkNewPassword(password)) {
            case TOO_SHORT -> session.send(Replies.PASSWORD_TOO_SHORT);
            case TOO_LONG -> session.send(Replies.PASSWORD_TOO_LONG);
            case FINE -> {
                talk.chosen = password;
                talk.step = Step.REPEAT;
                session.send(Replies.REPEAT_PASSWORD);
            }
        }
    }

    private void repeated(Session session, AccountTalk talk, String repeat) {
        String password = talk.chosen;
        talk.chosen = null;
        if (!password.equals(repeat)) {
            talk.step = Step.CHOOSE;
            session.send(Replies.PASSWORDS_DIFFER);
            return;
        }
        switch (talk.purpose) {
            case INVITE -> check(session, book.acceptInvite(talk.account, password), registered -> {
                if (registered.isPresent()) {
                    join(session, registered.get().name());
                }
                else {
                    reception.close(session, Replies.wrongInviteCode(talk.name));
                }
            });
            case REGISTER -> check(session, book.register(new Username(talk.name), password), registered -> {
                if (registered.isPresent()) {
                    session.account(registered.get().name());
                }
                endTalk(session,
                        registered.isPresent() ? Replies.registered(talk.name) : Replies.alreadyRegistered(talk.name));
            });
            default -> check(session, book.changePassword(talk.name, password),
                    changed -> endTalk(session, changed ? Replies.PASSWORD_CHANGED : Replies.NO_ACCOUNT));
        }
    }

    private void register(Session session) {
        if (book.mode() != Mode.OPEN) {
            session.send(Replies.REGISTRATION_CLOSED);
            return;
        }
        String name = session.name().display();
        Optional<Account> account = book.find(name);
        if (account.isPresent()) {
            session.send(Replies.alreadyRegistered(account.get().name()));
            return;
        }
        ask(session, new AccountTalk(Purpose.REGISTER, Step.CHOOSE, null, name), Replies.CHOOSE_PASSWORD);
    }

    private void changePassword(Session session) {
        Optional<Account> account = session.account() == null ? Optional.empty() : book.find(session.account());
        if (account.isEmpty() || account.get().isInvited()) {
            session.send(Replies.NO_ACCOUNT);
            return;
        }
        ask(session, new AccountTalk(Purpose.CHANGE, Step.CURRENT, account.get(), account.get().name()),
                Replies.CURRENT_PASSWORD);
    }

    /**
     * A registered name is its owner's only; with invitation only, a name must have an
     * account.
     */
    private boolean refusesRename(Session session, String newName) {
        Username.Check check = Username.check(newName);
        boolean valid = check instanceof Username.Check.Valid;
        if (!valid && !(check instanceof Username.Check.Rejected rejected
                && Username.MIXES_SCRIPTS.equals(rejected.reason()))) {
            return false;
        }
        Optional<Account> account = book.find(newName);
        String own = session.account() == null ? null : Username.keyOf(session.account());
        if (account.isPresent() && !account.get().key().equals(own)) {
            session.send(Replies.nickRejected(newName, "is registered"));
            return true;
        }
        if (valid && account.isEmpty() && book.mode() == Mode.INVITE) {
            session.send(Replies.nickRejected(newName, "has no account here"));
            return true;
        }
        return false;
    }

    private void join(Session session, String accountName) {
        session.talk(null);
        session.account(accountName);
        reception.refuse(session, Refusal.of(accountName, reception.join(session, new Username(accountName))));
    }

    private void endTalk(Session session, String line) {
        session.talk(null);
        session.send(line);
    }

    /**
     * Holds the session's lines until the check is done, then runs the next step and
     * hands the held lines back.
     */
    <T> void check(Session session, CompletableFuture<T> check, Consumer<T> next) {
        session.awaitCheck();
        check.whenCompleteAsync((result, failure) -> {
            session.checkDone();
            try {
                if (session.stage() != Session.Stage.GONE) {
                    if (failure == null) {
                        next.accept(result);
                    }
                    else {
                        failed(session, failure);
                    }
                }
            }
            catch (RuntimeException ex) {
                failed(session, ex);
            }
            finally {
                reception.resume(session);
            }
        }, steps);
    }

    private void failed(Session session, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        boolean busy = cause instanceof RejectedExecutionException;
        if (session.stage() == Session.Stage.JOINED) {
            endTalk(session, busy ? Replies.SERVER_BUSY : Replies.NOT_DELIVERED);
        }
        else {
            reception.turnAway(session, busy ? Replies.SERVER_BUSY : Replies.CHAT_UNAVAILABLE,
                    busy ? "busy" : "unavailable");
        }
    }

}
