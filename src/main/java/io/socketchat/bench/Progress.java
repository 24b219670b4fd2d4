package io.socketchat.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line on stderr, once a second: rewritten in place on a terminal, one line
 * a second otherwise, none with {@code --quiet}.
 */
final class Progress {

    private static final long EVERY = 1_000_000_000L;

    private final PrintStream out;

    private final boolean inPlace;

    private long next = EVERY;

    private long lastFresh;

    private long lastTime;

    /**
     * @param out where the line goes, or null for none
     * @param inPlace rewrite the line with a carriage return (a terminal) instead of one
     * line a second
     */
    Progress(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    boolean due(long now) {
        return now >= next;
    }

    void print(long now, String phase, int joined, int clients, long sent, long planned, long fresh, long p99) {
        next += EVERY;
        if (out == null) {
            return;
        }
        long dt = now - lastTime;
        double perSecond = dt > 0 ? (fresh - lastFresh) * 1e9 / dt : 0;
        lastFresh = fresh;
        lastTime = now;
        String line = String.format(Locale.ROOT,
                "[%5.1fs] %-6s joined %d/%d  sent %,d/%,d  delivered %,d (%,.0f/s)  p99 %s ms", now / 1e9, phase,
                joined, clients, sent, planned, fresh, perSecond, ReportPrinter.millis(p99));
        if (inPlace) {
            out.print("\r" + line + "   ");
        }
        else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a line rewritten in place, so the report starts on a line of its own. */
    void finish(long now) {
        if (out != null && inPlace && now >= EVERY) {
            out.println();
        }
    }

}
