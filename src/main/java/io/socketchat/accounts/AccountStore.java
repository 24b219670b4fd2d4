package io.socketchat.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Where the accounts are kept: a file under {@code chat.data-dir} on one node
 * ({@link FileAccountStore}), or Redis, shared by several nodes (the {@code cluster}
 * package). Accounts are found by their look-alike key ({@link Account#key()}). Every
 * method may throw {@link AccountsUnavailableException}.
 */
public interface AccountStore {

    Optional<Account> find(String key);

    /** Every account, in no particular order. */
    List<Account> all();

    /** Stores the account, replacing whatever had its key. */
    void put(Account account);

    /**
     * Stores {@code updated} only if the account with its key is still {@code expected}
     * (null: only if there is none): an invite is used once, a name registered once.
     * @return whether it was stored
     */
    boolean replace(Account expected, Account updated);

    /**
     * @return false when there was no account with that key
     */
    boolean remove(String key);

}
