package io.socketchat.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import io.socketchat.protocol.Username;

/**
 * Everyone in the room, on any node. Found by {@link Username#key()} (look-alike names
 * are one name), listed as people read names: by the Unicode collation of the display
 * name (so case and accents come after the letters: {@code alice, Bob, Émile, mallory}),
 * not by the look-alike key, which reads {@code m} as {@code rn}. Both are kept sorted as
 * members come and go, so listing never sorts. Not thread-safe: the {@link RoomView}'s
 * lock guards it.
 */
final class Roster {

    /**
     * Frozen: safe to share. Loaded on first use (its tables take a while), not when the
     * room is built: the chat port opens first.
     */
    private static final class Collation {

        static final Collator COLLATOR = Collator.getInstance(ULocale.ROOT).freeze();

    }

    /** Loads the collation tables now, ahead of the first join. */
    static void loadTables() {
        Collation.COLLATOR.getCollationKey("warm-up");
    }

    /**
     * Where a member stands in the list; equal collation keys (never one name twice) by
     * display, then id.
     */
    private record Place(CollationKey sortKey, String display, String id) {

        static final Comparator<Place> ORDER = Comparator.comparing(Place::sortKey)
            .thenComparing(Place::display)
            .thenComparing(Place::id);

        static Place of(Member member) {
            String display = member.name().display();
            return new Place(Collation.COLLATOR.getCollationKey(display), display, member.id());
        }
    }

    private final Map<String, Member> byKey = new HashMap<>();

    private final TreeMap<Place, Member> listed = new TreeMap<>(Place.ORDER);

    /** Whoever has that name or one that looks alike, or null. */
    Member get(String name) {
        return byKey.get(Username.keyOf(name));
    }

    /** Adds the member; whoever held a name that looks alike is no longer in. */
    void put(Member member) {
        Member before = byKey.put(member.name().key(), member);
        if (before != null) {
            listed.remove(Place.of(before));
        }
        listed.put(Place.of(member), member);
    }

    /** Takes the member out, unless its name now belongs to someone else. */
    void remove(Member member) {
        String key = member.name().key();
        Member current = byKey.get(key);
        if (current != null && current.id().equals(member.id())) {
            byKey.remove(key);
            listed.remove(Place.of(current));
        }
    }

    void clear() {
        byKey.clear();
        listed.clear();
    }

    int size() {
        return byKey.size();
    }

    /** The members who connected from that address. */
    List<Member> from(String address) {
        return byKey.values().stream().filter(member -> address.equals(member.address())).toList();
    }

    /** The display names, in the order people read them. */
    List<String> names() {
        List<String> names = new ArrayList<>(listed.size());
        listed.values().forEach(member -> names.add(member.name().display()));
        return names;
    }

}
