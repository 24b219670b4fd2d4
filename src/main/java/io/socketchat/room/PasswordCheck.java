package io.socketchat.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import io.socketchat.accounts.Lockout;

/**
 * The server password: compared in constant time, and closed to an address that keeps
 * guessing.
 */
final class PasswordCheck {

    enum Verdict {

        RIGHT, WRONG, LOCKED_OUT

    }

    private final byte[] password;

    private final Lockout<String> lockout;

    PasswordCheck(String password, int attempts, Clock clock) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        // wrong room passwords count against the address they came from
        this.lockout = new Lockout<>(attempts, clock, 1024);
    }

    boolean isLockedOut(String address) {
        return lockout.isLocked(address);
    }

    Verdict check(String address, String attempt) {
        if (lockout.isLocked(address)) {
            return Verdict.LOCKED_OUT;
        }
        // the time taken depends on the attempt's length only, never on how much of it
        // matched
        if (MessageDigest.isEqual(attempt.getBytes(StandardCharsets.UTF_8), password)) {
            return Verdict.RIGHT;
        }
        lockout.failed(address);
        return Verdict.WRONG;
    }

}
