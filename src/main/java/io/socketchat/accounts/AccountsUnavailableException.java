package io.socketchat.accounts;

/**
 * The accounts cannot be read or written now (Redis unreachable, or the data directory
 * not writable): nothing was changed.
 */
public class AccountsUnavailableException extends RuntimeException {

    public AccountsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
