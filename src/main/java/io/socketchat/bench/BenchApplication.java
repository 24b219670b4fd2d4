package io.socketchat.bench;

import java.io.PrintStream;
import java.util.Locale;

import io.socketchat.start.Terminals;

/**
 * Entry point of the {@code bench} profile:
 * {@code java -jar socket-chat.jar bench [options]}. A plain main (no Spring context) so
 * that it starts in a blink and spends its core on the load. See
 * {@link OptionParser#USAGE}.
 */
public final class BenchApplication {

    /** Exit status: all joined and every delivery accounted for. */
    public static final int OK = 0;

    /** No client could join. */
    public static final int NO_JOIN = 1;

    /** Bad options. */
    public static final int USAGE = 2;

    /** Loss, duplicates, reordering, failed joins, dropped readers or the time limit. */
    public static final int NOT_CLEAN = 3;

    private BenchApplication() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /**
     * Runs the command line and returns the exit status (for tests: no
     * {@code System.exit}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        OptionParser.Parsed parsed;
        try {
            parsed = OptionParser.parse(args);
        }
        catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Try --help.");
            return USAGE;
        }
        if (parsed.action() == OptionParser.Action.HELP) {
            out.print(OptionParser.USAGE);
            return OK;
        }
        BenchOptions options = parsed.options();
        try {
            if (parsed.action() == OptionParser.Action.RELAY) {
                return relay(options, out);
            }
            boolean terminal = Terminals.interactive();
            BenchResult result = new LoadDriver(options, err, terminal).run();
            out.print(options.json() ? ReportPrinter.json(options, result) + System.lineSeparator()
                    : ReportPrinter.text(options, result));
            out.flush();
            if (result.joined() == 0) {
                return NO_JOIN;
            }
            return result.clean() ? OK : NOT_CLEAN;
        }
        catch (Exception e) {
            err.println("bench: " + e);
            return NO_JOIN;
        }
    }

    private static int relay(BenchOptions options, PrintStream out) throws Exception {
        try (RelaySink relay = RelaySink.start(options.host(), options.port(), options.password(), 64L << 20)) {
            out.printf(Locale.ROOT, "relay listening on %s:%d for %d s%n", options.host(), relay.port(),
                    options.timeLimit().toSeconds());
            out.flush();
            relay.awaitFor(options.timeLimit().toNanos());
            out.printf(Locale.ROOT, "relay stopped: %,d lines relayed, %,d deliveries%n", relay.relayed(),
                    relay.delivered());
        }
        return OK;
    }

}
