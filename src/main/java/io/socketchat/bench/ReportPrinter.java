package io.socketchat.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Turns a {@link BenchResult} into the text report or one JSON line. */
public final class ReportPrinter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportPrinter() {
    }

    public static String text(BenchOptions o, BenchResult r) {
        StringBuilder sb = new StringBuilder();
        String title = o.scenario() == null ? "custom run" : o.scenario().name() + " " + o.scenario().description();
        sb.append("====== Socket Chat benchmark: ").append(title).append(" ======\n");
        row(sb, "target", o.targets().describe() + "  (run " + r.runId() + ")");
        if (o.idle()) {
            row(sb, "load",
                    String.format(Locale.ROOT, "%,d idle clients held %s", o.clients(), seconds(o.hold().toNanos())));
        }
        else {
            row(sb, "load",
                    String.format(Locale.ROOT,
                            "%,d clients (%d silent), %,d messages per sender, rate %s, payload %d B", o.clients(),
                            o.silent(), o.messages(), o.rate() == 0 ? "max (window " + o.window() + ")"
                                    : String.format(Locale.ROOT, "%,d msg/s", o.rate()),
                            o.payload()));
        }
        row(sb, "joined", String.format(Locale.ROOT, "%,d/%,d in %s", r.joined(), r.clients(), seconds(r.joinNanos())));
        for (Map.Entry<String, Integer> f : r.failures().entrySet()) {
            row(sb, "  not joined", String.format(Locale.ROOT, "%,d: %s", f.getValue(), f.getKey()));
        }
        if (!o.idle()) {
            row(sb, "sent", String.format(Locale.ROOT, "%,d by %,d senders (refused %,d%s)", r.sent(), r.senders(),
                    r.refused(), r.unconfirmed() == 0 ? ""
                            : String.format(Locale.ROOT, ", unconfirmed %,d from dropped senders", r.unconfirmed())));
            row(sb, "expected", String.format(Locale.ROOT, "%,d", r.expected()));
            row(sb, "delivered", String.format(Locale.ROOT, "%,d", r.delivered()));
            row(sb, "lost", String.format(Locale.ROOT, "%,d", r.lost()));
            row(sb, "duplicated", String.format(Locale.ROOT, "%,d", r.duplicated()));
            row(sb, "out of order", String.format(Locale.ROOT, "%,d", r.outOfOrder()));
            row(sb, "deliveries/s", String.format(Locale.ROOT, "%,.0f  (first send to last delivery: %s)",
                    r.deliveriesPerSecond(), seconds(r.deliveryNanos())));
            row(sb, "latency ms",
                    String.format(Locale.ROOT, "p50 %s  p99 %s  p99.9 %s  max %s  (mean %s, %,d samples)",
                            millis(r.latencyP50()), millis(r.latencyP99()), millis(r.latencyP999()),
                            millis(r.latencyMax()), millis((long) r.latencyMean()), r.latencyCount()));
        }
        if (r.silent() > 0) {
            row(sb, "silent", String.format(Locale.ROOT, "%d joined, %d reported \"disconnected (not reading)\"",
                    r.silent(), r.silentDisconnected()));
        }
        if (r.readersDropped() > 0) {
            row(sb, "readers lost",
                    String.format(Locale.ROOT,
                            "%d reading clients were disconnected (%d reported \"disconnected (not reading)\")",
                            r.readersDropped(), r.readersNotReading()));
            for (Map.Entry<String, Integer> d : r.readerDrops().entrySet()) {
                row(sb, "  dropped", String.format(Locale.ROOT, "%,d: %s", d.getValue(), d.getKey()));
            }
        }
        if (r.otherErrors() > 0) {
            row(sb, "errors", String.format(Locale.ROOT, "%,d ! lines, first: %s", r.otherErrors(), r.firstError()));
        }
        if (r.rssBeforeKb() >= 0) {
            row(sb, "server RSS",
                    String.format(Locale.ROOT, "%s before, %s after join (%+.1f KB per connection), %s at end",
                            mb(r.rssBeforeKb()), mb(r.rssAfterJoinKb()), r.rssPerConnectionKb(), mb(r.rssEndKb())));
        }
        else if (o.pid() > 0) {
            row(sb, "server RSS", "unreadable for pid " + o.pid());
        }
        if (r.toolCpuPercent() >= 0) {
            row(sb, "tool CPU", String.format(Locale.ROOT, "%.0f%% of one core", r.toolCpuPercent()));
        }
        row(sb, "elapsed", seconds(r.elapsedNanos()));
        List<String> problems = problems(r);
        row(sb, "result", problems.isEmpty() ? "OK" : "NOT CLEAN: " + String.join(", ", problems));
        return sb.toString();
    }

    static List<String> problems(BenchResult r) {
        List<String> p = new ArrayList<>();
        if (r.joined() < r.clients()) {
            p.add((r.clients() - r.joined()) + " not joined");
        }
        if (r.lost() != 0) {
            p.add(r.lost() + " lost");
        }
        if (r.duplicated() > 0) {
            p.add(r.duplicated() + " duplicated");
        }
        if (r.outOfOrder() > 0) {
            p.add(r.outOfOrder() + " out of order");
        }
        if (r.readersDropped() > 0) {
            p.add(r.readersDropped() + " readers dropped");
        }
        if (r.timedOut()) {
            p.add("time limit reached");
        }
        if (r.stalled()) {
            p.add("deliveries stalled");
        }
        return p;
    }

    public static String json(BenchOptions o, BenchResult r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("runId", r.runId());
        j.put("scenario", o.scenario() == null ? null : o.scenario().name());
        j.put("host", o.host());
        j.put("port", o.port());
        if (o.targets().size() > 1) {
            j.put("targets", o.targets().addresses().stream().map(Targets::describe).toList());
        }
        j.put("clients", r.clients());
        j.put("silent", o.silent());
        j.put("messagesPerClient", o.idle() ? 0 : o.messages());
        j.put("rate", o.rate());
        j.put("payload", o.payload());
        j.put("idle", o.idle());
        j.put("joined", r.joined());
        j.put("joinMs", decimal(r.joinNanos() / 1e6));
        j.put("notJoined", r.clients() - r.joined());
        j.put("senders", r.senders());
        j.put("sent", r.sent());
        j.put("refused", r.refused());
        j.put("unconfirmed", r.unconfirmed());
        j.put("expected", r.expected());
        j.put("delivered", r.delivered());
        j.put("lost", r.lost());
        j.put("duplicated", r.duplicated());
        j.put("outOfOrder", r.outOfOrder());
        j.put("deliveriesPerSec", Math.round(r.deliveriesPerSecond()));
        j.put("latencyP50Ms", decimal(r.latencyP50() / 1e6));
        j.put("latencyP99Ms", decimal(r.latencyP99() / 1e6));
        j.put("latencyP999Ms", decimal(r.latencyP999() / 1e6));
        j.put("latencyMaxMs", decimal(r.latencyMax() / 1e6));
        j.put("latencyMeanMs", decimal(r.latencyMean() / 1e6));
        j.put("silentJoined", r.silent());
        j.put("silentDisconnected", r.silentDisconnected());
        j.put("readersDropped", r.readersDropped());
        j.put("readersNotReading", r.readersNotReading());
        j.put("errors", r.otherErrors());
        j.put("firstError", r.firstError());
        j.put("rssBeforeKb", r.rssBeforeKb());
        j.put("rssAfterJoinKb", r.rssAfterJoinKb());
        j.put("rssEndKb", r.rssEndKb());
        j.put("rssPerConnectionKb", decimal(r.rssPerConnectionKb()));
        j.put("toolCpuPercent", Math.round(r.toolCpuPercent()));
        j.put("elapsedMs", decimal(r.elapsedNanos() / 1e6));
        j.put("timedOut", r.timedOut());
        j.put("stalled", r.stalled());
        j.put("clean", r.clean());
        return JSON.writeValueAsString(j);
    }

    /** Three decimals, as the text report shows them; null for what is not a number. */
    private static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP) : null;
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private static String mb(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-16s%s%n", label, value));
    }

}
