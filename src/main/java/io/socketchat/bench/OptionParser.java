package io.socketchat.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the benchmark's command line: {@code --name=value} or {@code --name value}, a few
 * short forms ({@code -c}, {@code -n}, {@code -p}), durations such as {@code 10s},
 * {@code 500ms}, {@code 2m} (a bare number is seconds). A leading {@code bench} word and
 * {@code --spring.*} arguments (how the jar was told to run the benchmark) are skipped. A
 * {@code --scenario} preset is applied first, so explicit options override it.
 */
public final class OptionParser {

    /** What the command line asks for. */
    public enum Action {

        RUN, RELAY, HELP

    }

    /** The parsed command line. */
    public record Parsed(Action action, BenchOptions options) {
    }

    public static final String USAGE = """
            Usage: java -jar socket-chat.jar bench [options]
              Runs a load test against a chat server that speaks PROTOCOL.md and prints a report.
            Target
              --host HOST             server host (default 127.0.0.1; the tool connects nowhere else unless told)
              -p, --port N            server port (default 9999)
              --targets H:P,H:P,...   several servers (the nodes of a cluster) instead of --host/--port;
                                      users are spread over them round robin, the report counts all
              --password TEXT         answer the server's Password: prompt
            Load
              --scenario S1..S5       preset: S1 5x2000 max rate, S2 100x100 max rate, S3 100 clients 1000 msg/s 10 s,
                                      S4 2000 idle clients, S5 20 clients, 2 silent, 5000 msg/s of 400 B
              -c, --clients N         connections that join (default 10)
              -n, --messages N        messages each sending client sends (default 1000)
              --rate N                messages per second over all senders; 0 = as fast as possible (default 0)
              --payload N             bytes of message text, header included (default 64)
              --silent N              clients that join but never read nor send (default 0)
              --idle                  join the clients and hold them, sending nothing
              --hold DURATION         how long --idle holds (default 2s)
            Bounds
              --time-limit DURATION   hard cap on the run (default 60s)
              --join-timeout DURATION clients not joined by then count as failed (default 30s)
              --settle DURATION       after sending, give up waiting after this long without a delivery (default 3s)
              --window N              max rate: most lines in flight towards one reader (default 500)
              --concurrent-joins N    connections joining at once (default 50)
              --name-prefix TEXT      usernames are TEXT + index (default b)
            Output
              --pid PID               server process id: report its RSS before and after the join
              --json                  print one JSON line instead of the text report
              --quiet                 no progress line on stderr
            Other
              --relay                 run a minimal broadcast relay on --host/--port instead (measures the tool's own
                                      ceiling); stops after --time-limit (default 10m in this mode)
              -h, --help              this text
            Exit status: 0 all joined and every delivery accounted for; 3 loss, duplicates, reordering, failed joins,
            dropped readers or a time-out; 1 no client could join; 2 bad options.
            How it counts, the scenarios and sample reports: docs/bench.md beside the sources.
            """;

    private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("scenario", "host", "port", "targets",
            "password", "clients", "messages", "rate", "payload", "silent", "hold", "time-limit", "join-timeout",
            "settle", "window", "concurrent-joins", "name-prefix", "pid");

    private OptionParser() {
    }

    public static Parsed parse(String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (!list.isEmpty() && list.get(0).equalsIgnoreCase("bench")) {
            list.remove(0);
        }
        List<String[]> pairs = new ArrayList<>();
        Scenario scenario = null;
        boolean relay = false;
        boolean help = false;
        boolean timeLimitGiven = false;
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (arg.startsWith("--spring.")) {
                continue;
            }
            String name;
            String value = null;
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                }
            }
            else if (arg.length() == 2 && arg.charAt(0) == '-') {
                name = switch (arg.charAt(1)) {
                    case 'c' -> "clients";
                    case 'n' -> "messages";
                    case 'p' -> "port";
                    case 'h', '?' -> "help";
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                };
            }
            else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (see --help)");
            }
            name = name.toLowerCase(Locale.ROOT);
            switch (name) {
                case "help" -> help = true;
                case "relay" -> relay = true;
                case "idle", "json", "quiet" -> pairs.add(new String[] { name, value == null ? "true" : value });
                default -> {
                    if (!VALUE_OPTIONS.contains(name)) {
                        throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
                    }
                    if (value == null) {
                        if (i + 1 >= list.size()) {
                            throw new IllegalArgumentException("option --" + name + " needs a value");
                        }
                        value = list.get(++i);
                    }
                    if (name.equals("scenario")) {
                        scenario = Scenario.parse(value);
                    }
                    else {
                        timeLimitGiven |= name.equals("time-limit");
                        pairs.add(new String[] { name, value });
                    }
                }
            }
        }
        if (help) {
            return new Parsed(Action.HELP, null);
        }
        BenchOptions.Builder b = BenchOptions.builder();
        if (scenario != null) {
            b.scenario(scenario);
        }
        if (relay && !timeLimitGiven) {
            b.timeLimit(Duration.ofMinutes(10));
        }
        for (String[] p : pairs) {
            apply(b, p[0], p[1]);
        }
        return new Parsed(relay ? Action.RELAY : Action.RUN, b.build());
    }

    private static void apply(BenchOptions.Builder b, String name, String v) {
        switch (name) {
            case "host" -> b.host(v);
            case "port" -> b.port(integer(name, v));
            case "targets" -> b.targets(Targets.parse(v));
            case "password" -> b.password(v);
            case "clients" -> b.clients(integer(name, v));
            case "messages" -> b.messages(integer(name, v));
            case "rate" -> b.rate(integer(name, v));
            case "payload" -> b.payload(integer(name, v));
            case "silent" -> b.silent(integer(name, v));
            case "idle" -> b.idle(bool(name, v));
            case "hold" -> b.hold(duration(name, v));
            case "time-limit" -> b.timeLimit(duration(name, v));
            case "join-timeout" -> b.joinTimeout(duration(name, v));
            case "settle" -> b.settle(duration(name, v));
            case "window" -> b.window(integer(name, v));
            case "concurrent-joins" -> b.concurrentJoins(integer(name, v));
            case "name-prefix" -> b.namePrefix(v);
            case "pid" -> b.pid(Long.parseLong(v.trim()));
            case "json" -> b.json(bool(name, v));
            case "quiet" -> b.quiet(bool(name, v));
            default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
        }
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim().replace("_", ""));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + v + "'");
        }
    }

    private static boolean bool(String name, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is true or false, not '" + v + "'");
        };
    }

    /**
     * {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is
     * seconds.
     */
    static Duration duration(String name, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            long nanosPerUnit;
            String number;
            if (t.endsWith("ms")) {
                nanosPerUnit = 1_000_000L;
                number = t.substring(0, t.length() - 2);
            }
            else if (t.endsWith("s")) {
                nanosPerUnit = 1_000_000_000L;
                number = t.substring(0, t.length() - 1);
            }
            else if (t.endsWith("m")) {
                nanosPerUnit = 60_000_000_000L;
                number = t.substring(0, t.length() - 1);
            }
            else if (t.endsWith("h")) {
                nanosPerUnit = 3_600_000_000_000L;
                number = t.substring(0, t.length() - 1);
            }
            else {
                nanosPerUnit = 1_000_000_000L;
                number = t;
            }
            BigDecimal nanos = new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(nanosPerUnit));
            if (nanos.signum() < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(nanos.longValueExact());
        }
        catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "--" + name + " needs a duration such as 500ms, 10s or 2m, not '" + v + "'");
        }
    }

}
