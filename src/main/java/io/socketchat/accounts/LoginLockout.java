package io.socketchat.accounts;

import java.time.Clock;

/**
 * Wrong passwords and codes per address and account: after {@code chat.password-attempts}
 * of them from one address for one account within ten minutes, that address is locked out
 * of that account for ten minutes. Someone guessing from elsewhere cannot lock the owner
 * out, and guessing at one name leaves the others alone. 0 attempts turns it off.
 */
final class LoginLockout {

    private record Door(String address, String accountKey) {
    }

    private final Lockout<Door> lockout;

    LoginLockout(int attempts, Clock clock) {
        this.lockout = new Lockout<>(attempts, clock, 4096);
    }

    boolean isLocked(String address, String accountKey) {
        return lockout.isLocked(new Door(address, accountKey));
    }

    /**
     * Counts a wrong answer; returns whether the address is now locked out of the
     * account.
     */
    boolean failed(String address, String accountKey) {
        return lockout.failed(new Door(address, accountKey));
    }

    /** A right answer starts the count again. */
    void succeeded(String address, String accountKey) {
        lockout.succeeded(new Door(address, accountKey));
    }

}
