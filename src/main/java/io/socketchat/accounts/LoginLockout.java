package io.socketchat.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong passwords and codes per address and account: after {@code chat.password-attempts}
 * of them from one address for one account within ten minutes, that address is locked out
 * of that account for ten minutes. Someone guessing from elsewhere cannot lock the owner
 * out, and guessing at one name leaves the others alone. 0 attempts turns it off.
 */
final class LoginLockout {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Past this many entries, stale ones are swept out on the next failure. */
    private static final int SWEEP_ABOVE = 4096;

    private record Door(String address, String accountKey) {
    }

    private final int attempts;

    private final Clock clock;

    private final Map<Door, Deque<Instant>> failures = new HashMap<>();

    private final Map<Door, Instant> lockedUntil = new HashMap<>();

    LoginLockout(int attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    synchronized boolean isLocked(String address, String accountKey) {
        Door door = new Door(address, accountKey);
        Instant until = lockedUntil.get(door);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(door);
        return false;
    }

    /**
     * Counts a wrong answer; returns whether the address is now locked out of the
     * account.
     */
    synchronized boolean failed(String address, String accountKey) {
        if (attempts == 0) {
            return false;
        }
        Instant now = clock.instant();
        if (failures.size() + lockedUntil.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Door door = new Door(address, accountKey);
        Deque<Instant> recent = failures.computeIfAbsent(door, any -> new ArrayDeque<>());
        forget(recent, now);
        recent.addLast(now);
        if (recent.size() < attempts) {
            return false;
        }
        failures.remove(door);
        lockedUntil.put(door, now.plus(WINDOW));
        return true;
    }

    /** A right answer starts the count again. */
    synchronized void succeeded(String address, String accountKey) {
        failures.remove(new Door(address, accountKey));
    }

    private static void forget(Deque<Instant> recent, Instant now) {
        Instant start = now.minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
            recent.removeFirst();
        }
    }

    private void sweep(Instant now) {
        lockedUntil.values().removeIf(until -> !now.isBefore(until));
        failures.values().forEach(recent -> forget(recent, now));
        failures.values().removeIf(Deque::isEmpty);
    }

}
