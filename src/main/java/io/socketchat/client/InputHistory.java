package io.socketchat.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines the user sent this session, for Up and Down. Walking back keeps the line that was
 * being typed, and walking forward past the newest entry gives it back.
 */
final class InputHistory {

    private static final int MAX_ENTRIES = 500;

    private final List<String> entries = new ArrayList<>();
    private int position;
    private String draft = "";

    void add(String line) {
        if (!line.isBlank() && (entries.isEmpty() || !entries.get(entries.size() - 1).equals(line))) {
            entries.add(line);
            if (entries.size() > MAX_ENTRIES) {
                entries.remove(0);
            }
        }
        restart();
    }

    /** A new line starts: the next Up gives the newest entry. */
    void restart() {
        position = entries.size();
        draft = "";
    }

    /** The entry before the one shown, or {@code null} at the oldest. */
    String previous(String shown) {
        if (position == 0) {
            return null;
        }
        if (position == entries.size()) {
            draft = shown;
        }
        return entries.get(--position);
    }

    /** The entry after the one shown, the draft after the newest, or {@code null} at the draft. */
    String next() {
        if (position >= entries.size()) {
            return null;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }
}
