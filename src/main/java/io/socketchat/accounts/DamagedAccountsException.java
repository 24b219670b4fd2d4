package io.socketchat.accounts;

import java.nio.file.Path;

/**
 * The accounts file is there but cannot be read: the chat does not start, rather than
 * start with no accounts.
 */
public class DamagedAccountsException extends RuntimeException {

    private final transient Path file;

    DamagedAccountsException(Path file, String problem, Throwable cause) {
        super("The accounts file " + file + " " + problem
                + ". The chat does not start without its accounts: restore the file from a backup, or move it"
                + " away to start with no accounts (chat.data-dir).", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

}
