package io.socketchat.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The brute-force rule, for whatever a wrong answer is counted against (an address for
 * the room password; an address and an account for accounts): after
 * {@code chat.password-attempts} wrong answers within ten minutes the key is locked out
 * for ten minutes, so a password cannot be guessed at the speed of a script. 0 attempts
 * turns it off.
 *
 * @param <K> what the wrong answers are counted against
 */
public final class Lockout<K> {

    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final int attempts;

    private final Clock clock;

    /** Past this many keys, stale entries are swept out on the next failure. */
    private final int sweepAbove;

    private final Map<K, Deque<Instant>> failures = new HashMap<>();

    private final Map<K, Instant> lockedUntil = new HashMap<>();

    public Lockout(int attempts, Clock clock, int sweepAbove) {
        this.attempts = attempts;
        this.clock = clock;
        this.sweepAbove = sweepAbove;
    }

    public synchronized boolean isLocked(K key) {
        Instant until = lockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key);
        return false;
    }

    /** Counts a wrong answer; returns whether the key is now locked out. */
    public synchronized boolean failed(K key) {
        if (attempts == 0) {
            return false;
        }
        Instant now = clock.instant();
        if (failures.size() + lockedUntil.size() > sweepAbove) {
            sweep(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, any -> new ArrayDeque<>());
        forget(recent, now);
        recent.addLast(now);
        if (recent.size() < attempts) {
            return false;
        }
        failures.remove(key);
        lockedUntil.put(key, now.plus(WINDOW));
        return true;
    }

    /** A right answer starts the count again. */
    public synchronized void succeeded(K key) {
        failures.remove(key);
    }

    /** Keys remembered, for tests of the sweeping. */
    public synchronized int tracked() {
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
