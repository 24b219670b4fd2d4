package io.socketchat.cluster;

import java.util.List;

/**
 * The Redis keys of the room, in the order the scripts take them ({@code common.lua}).
 * One hash tag keeps them in one slot, so the scripts also run on a Redis Cluster.
 */
record RoomKeys(String log, String members, String bans, String meta, String seen, List<String> all) {

    static final RoomKeys ROOM = of("socketchat:{room}:");

    private static RoomKeys of(String prefix) {
        String log = prefix + "log";
        return new RoomKeys(log, prefix + "members", prefix + "bans", prefix + "meta", prefix + "seen",
                List.of(log, prefix + "names", prefix + "members", prefix + "leases", prefix + "history",
                        prefix + "seen", prefix + "bans", prefix + "meta"));
    }
}
