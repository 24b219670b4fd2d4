package io.socketchat.room;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import io.socketchat.accounts.Account;
import io.socketchat.accounts.AccountBook;
import io.socketchat.accounts.AccountBook.Door;
import io.socketchat.accounts.AccountsUnavailableException;
import io.socketchat.config.ChatProperties.Accounts.Mode;
import io.socketchat.protocol.InboundLine;
import io.socketchat.protocol.Username;
import io.socketchat.room.FaceLogin.Verdict;

/**
 * Accounts at the door of a face whose registration is its own (IRC): there is no
 * dialogue, so the account's password comes with the registration and is checked, like
 * the line side's answer, on the book's pool (same brute-force rule, same meters) with
 * the session's lines held meanwhile.
 */
public final class FaceAccounts {

    private final AccountBook book;

    private final AccountQuestions questions;

    private final Reception reception;

    FaceAccounts(AccountBook book, AccountQuestions questions, Reception reception) {
        this.book = book;
        this.questions = questions;
        this.reception = reception;
    }

    /**
     * Whether the line waits for a check to finish: it is then handed back later, in
     * order, to the {@code faceLines} given to {@link #logIn}.
     */
    public boolean holds(Session session, InboundLine line) {
        return session.hold(line);
    }

    /** Ends a session not in the room with its last lines, already in its face's form. */
    public void close(Session session, byte[] lastLines) {
        reception.close(session, lastLines);
    }

    /**
     * Decides on the name the session holds. {@code then} runs at once, or after the
     * password check on a thread that carries no lines; the lines that arrived meanwhile
     * go back to {@code faceLines} after it, in order.
     * @param password the account's password from the registration, or null
     */
    public void logIn(Session session, String password, Consumer<InboundLine> faceLines, Consumer<FaceLogin> then) {
        Username name = session.name();
        if (!book.enabled()) {
            then.accept(new FaceLogin(Verdict.ENTER, name.display()));
            return;
        }
        Door door;
        try {
            door = book.door(name, session.address());
        }
        catch (AccountsUnavailableException ex) {
            then.accept(new FaceLogin(Verdict.UNAVAILABLE, name.display()));
            return;
        }
        if (door instanceof Door.AskPassword ask && password != null) {
            Account account = ask.account();
            session.faceLines(faceLines);
            questions.check(session, book.logIn(account.name(), password, session.address()), check -> {
                if (check == AccountBook.Check.RIGHT) {
                    session.account(account.name());
                }
                then.accept(new FaceLogin(switch (check) {
                    case RIGHT -> Verdict.ENTER;
                    case LOCKED -> Verdict.LOCKED_OUT;
                    case NO_ACCOUNT -> Verdict.UNAVAILABLE;
                    default -> Verdict.WRONG_PASSWORD;
                }, account.name()));
            });
            return;
        }
        then.accept(verdict(door, name));
    }

    private FaceLogin verdict(Door door, Username name) {
        if (door instanceof Door.Free) {
            return new FaceLogin(book.mode() == Mode.INVITE ? Verdict.NO_ACCOUNT : Verdict.ENTER, name.display());
        }
        if (door instanceof Door.LookAlike lookAlike) {
            return new FaceLogin(Verdict.LOOK_ALIKE, lookAlike.account().name());
        }
        if (door instanceof Door.Expired expired) {
            return new FaceLogin(Verdict.INVITE_EXPIRED, expired.account().name());
        }
        if (door instanceof Door.Locked locked) {
            return new FaceLogin(Verdict.LOCKED_OUT, locked.account().name());
        }
        if (door instanceof Door.AskCode code) {
            return new FaceLogin(Verdict.INVITED, code.account().name());
        }
        return new FaceLogin(Verdict.PASSWORD_NEEDED, ((Door.AskPassword) door).account().name());
    }

    /**
     * Why accounts refuse a registered session (its account's password proven, or no
     * account) the name it asks for, or null; the reasons of {@link Refusal}.
     */
    public String renameRefusal(Session session, String candidate) {
        return refusal(session, candidate, true);
    }

    /**
     * Why accounts refuse the name to this session, or null. Before the face's
     * registration ({@code proven} false) a registered name may be claimed, its password
     * coming with the registration; after it, only its owner's own account's names.
     */
    String refusal(Session session, String candidate, boolean proven) {
        Username.Check check = Username.check(candidate);
        boolean valid = check instanceof Username.Check.Valid;
        if (!book.enabled() || !valid && !(check instanceof Username.Check.Rejected rejected
                && Username.MIXES_SCRIPTS.equals(rejected.reason()))) {
            // the chat's name rules answer first
            return null;
        }
        Optional<Account> account;
        try {
            account = book.find(candidate);
        }
        catch (AccountsUnavailableException ex) {
            return null;
        }
        if (account.isEmpty()) {
            return proven && valid && book.mode() == Mode.INVITE ? "has no account here" : null;
        }
        String own = session.account() == null ? null : Username.keyOf(session.account());
        if (account.get().key().equals(own)) {
            return null;
        }
        boolean sameSpelling = account.get().name().toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT));
        return proven || !sameSpelling ? "is registered" : null;
    }

}
