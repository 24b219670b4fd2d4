package io.socketchat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.socketchat.support.LineClient;

/**
 * A manual measurement, not a test: what delay a browser user sees next to a TCP user on
 * the same load. Three users join a running server: one sends a time-stamped line every
 * 10 ms, one reads over TCP and one over the page's WebSocket; each reader notes how long
 * every probe line took. Run it while the bench tool loads the server (e.g. scenario S3),
 * all on one machine:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.socketchat.web.WebLatencyProbe TCP_PORT HTTP_PORT SECONDS
 * </pre>
 */
public final class WebLatencyProbe {

    private static final String PREFIX = "probe ";

    private WebLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int tcpPort = Integer.parseInt(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int lines = seconds * 100;

        LineClient tcp = join(tcpPort, "probe_tcp");
        WebSocketUser web = WebSocketUser.join(httpPort, "probe_web");
        LineClient sender = join(tcpPort, "probe_sender");
        CompletableFuture<long[]> tcpDelays = CompletableFuture.supplyAsync(() -> delays(tcp::nextLine, lines));
        CompletableFuture<long[]> webDelays = CompletableFuture.supplyAsync(() -> delays(web::nextLine, lines));

        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            long due = start + i * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sender.send(PREFIX + System.nanoTime());
        }
        report("TCP", tcpDelays.get(seconds + 30L, TimeUnit.SECONDS));
        report("WebSocket", webDelays.get(seconds + 30L, TimeUnit.SECONDS));
        sender.send("exit");
        tcp.send("exit");
        web.send("exit");
        web.close();
    }

    private static LineClient join(int port, String name) {
        LineClient client = LineClient.connect(port);
        client.expectStartingWith("Welcome to ");
        client.send(name);
        client.expectStartingWith("Hello " + name + "! ");
        return client;
    }

    /** Reads until every probe line came; the others' lines only pass by. */
    private static long[] delays(Supplier<String> next, int lines) {
        String marker = "probe_sender: " + PREFIX;
        List<Long> delays = new ArrayList<>(lines);
        while (delays.size() < lines) {
            String line = next.get();
            if (line.startsWith(marker)) {
                delays.add(System.nanoTime() - Long.parseLong(line.substring(marker.length())));
            }
        }
        return delays.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void report(String reader, long[] sorted) {
        System.out.printf("%-9s %5d lines: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", reader, sorted.length,
                millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

}
