package io.socketchat.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * The named scenarios of the benchmark (docs/benchmarks.md). A preset only fills in
 * defaults: options given on the command line win, whatever their order.
 */
public enum Scenario {

    S1("seed-size room: 5 clients x 2000 messages, as fast as possible") {
        @Override
        void apply(BenchOptions.Builder b) {
            b.clients(5).messages(2000).rate(0);
        }
    },
    S2("big room: 100 clients x 100 messages, as fast as possible (990,000 deliveries)") {
        @Override
        void apply(BenchOptions.Builder b) {
            b.clients(100).messages(100).rate(0);
        }
    },
    S3("latency: 100 clients, 1000 messages/s in total for 10 s") {
        @Override
        void apply(BenchOptions.Builder b) {
            b.clients(100).messages(100).rate(1000);
        }
    },
    S4("idle capacity: 2000 clients join and hold") {
        @Override
        void apply(BenchOptions.Builder b) {
            b.clients(2000).idle(true).messages(0).hold(Duration.ofSeconds(2));
        }
    },
    S5("slow consumers: 20 clients, 2 never read, 18 send 2500 x 400-byte messages at 5000/s in total") {
        @Override
        void apply(BenchOptions.Builder b) {
            b.clients(20).silent(2).messages(2500).rate(5000).payload(400);
        }
    };

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    abstract void apply(BenchOptions.Builder builder);

    public static Scenario parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + text + "' (S1..S5)");
        }
    }

}
