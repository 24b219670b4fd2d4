package io.socketchat.room;

import java.util.ArrayDeque;
import java.util.List;

/** The last public lines, for a user who just joined. Guarded by the room's lock. */
final class History {

    private final int size;

    private final ArrayDeque<String> lines;

    History(int size) {
        this.size = size;
        this.lines = new ArrayDeque<>(Math.max(size, 1));
    }

    void add(String line) {
        if (size == 0) {
            return;
        }
        if (lines.size() == size) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The history as the room's shared store keeps it, oldest first. */
    void replace(List<String> recent) {
        lines.clear();
        recent.subList(Math.max(0, recent.size() - size), recent.size()).forEach(this::add);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

}
