package io.socketchat.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The banned addresses, each until a time or until unbanned. */
final class Bans {

    /** @param until null for a ban that lasts until unbanned */
    record Ban(String address, Instant until, String reason) {
        boolean isOver(Instant now) {
            return until != null && !now.isBefore(until);
        }
    }

    private final Clock clock;
    private final Map<String, Ban> byAddress = new HashMap<>();

    Bans(Clock clock) {
        this.clock = clock;
    }

    /** @param duration null for a ban that lasts until unbanned */
    synchronized Ban ban(String address, Duration duration, String reason) {
        Ban ban = new Ban(address, duration == null ? null : clock.instant().plus(duration), reason);
        byAddress.put(address, ban);
        return ban;
    }

    /** @return false when the address was not banned (or its ban had run out) */
    synchronized boolean unban(String address) {
        Ban ban = byAddress.remove(address);
        return ban != null && !ban.isOver(clock.instant());
    }

    synchronized boolean isBanned(String address) {
        Ban ban = byAddress.get(address);
        if (ban == null) {
            return false;
        }
        if (ban.isOver(clock.instant())) {
            byAddress.remove(address);
            return false;
        }
        return true;
    }

    /** The bans in force, by address. */
    synchronized List<Ban> list() {
        Instant now = clock.instant();
        byAddress.values().removeIf(ban -> ban.isOver(now));
        return byAddress.values().stream().sorted(Comparator.comparing(Ban::address)).toList();
    }

    Instant now() {
        return clock.instant();
    }
}
