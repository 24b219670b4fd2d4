package io.socketchat.room;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The banned addresses of a single node, in its memory. */
final class Bans implements BanList {

    private final Clock clock;

    private final Map<String, Ban> byAddress = new HashMap<>();

    Bans(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void ban(Ban ban) {
        byAddress.put(ban.address(), ban);
    }

    @Override
    public synchronized boolean unban(String address) {
        Ban ban = byAddress.remove(address);
        return ban != null && !ban.isOver(clock.instant());
    }

    @Override
    public synchronized boolean isBanned(String address) {
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

    @Override
    public synchronized List<Ban> list() {
        byAddress.values().removeIf(ban -> ban.isOver(clock.instant()));
        return byAddress.values().stream().sorted(Comparator.comparing(Ban::address)).toList();
    }

}
