package io.socketchat.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong passwords per address: after {@code chat.password-attempts} of them within ten
 * minutes the address is locked out for ten minutes, so a password cannot be guessed at
 * the speed of a script. 0 attempts turns it off.
 */
final class PasswordLockout {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Past this many addresses, stale entries are swept out on the next failure. */
    private static final int SWEEP_ABOVE = 1024;

    private final int attempts;

    private final Clock clock;

    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    private final Map<String, Instant> lockedUntil = new HashMap<>();

    PasswordLockout(int attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    synchronized boolean isLocked(String address) {
        Instant until = lockedUntil.get(address);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(address);
        return false;
    }

    /** Counts a wrong password; returns whether the address is now locked out. */
    synchronized boolean failed(String address) {
        if (attempts == 0) {
            return false;
        }
        Instant now = clock.instant();
        if (failures.size() + lockedUntil.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        forget(recent, now);
        recent.addLast(now);
        if (recent.size() < attempts) {
            return false;
        }
        failures.remove(address);
        lockedUntil.put(address, now.plus(WINDOW));
        return true;
    }

    /** Addresses remembered, for tests of the sweeping. */
    synchronized int tracked() {
        return failures.size() + lockedUntil.size();
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
