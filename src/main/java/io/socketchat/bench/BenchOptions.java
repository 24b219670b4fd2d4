package io.socketchat.bench;

import java.time.Duration;

/**
 * Everything one benchmark run needs. Built by {@link OptionParser} from the command line
 * or by tests.
 *
 * @param host server host; loopback unless told otherwise
 * @param port server TCP port
 * @param targets several servers ({@code --targets}), users spread round robin; null =
 * host and port
 * @param clients connections that join the chat
 * @param messages messages each sending client sends
 * @param rate messages per second summed over all senders; 0 = as fast as possible
 * @param payload bytes of message text each client sends (at least the header)
 * @param silent clients that join but never read (and never send)
 * @param idle join the clients and hold them, sending nothing
 * @param hold how long idle mode holds the joined clients
 * @param password server password, or null
 * @param timeLimit hard cap on the whole run
 * @param joinTimeout clients not joined by then count as failed
 * @param settle after sending, how long to wait without a new delivery before reporting
 * @param window as-fast-as-possible mode: most lines in flight towards any one reader
 * @param concurrentJoins connections joining at once
 * @param pid server process id, for its RSS (0 = unknown)
 * @param namePrefix usernames are this prefix plus the client's index
 * @param json print one JSON line instead of the text report
 * @param quiet no progress line
 * @param scenario the preset the defaults came from, or null
 */
public record BenchOptions(String host, int port, Targets targets, int clients, int messages, int rate, int payload,
        int silent, boolean idle, Duration hold, String password, Duration timeLimit, Duration joinTimeout,
        Duration settle, int window, int concurrentJoins, long pid, String namePrefix, boolean json, boolean quiet,
        Scenario scenario) {

    public static final int MAX_CLIENTS = 100_000;

    public static final int MAX_PAYLOAD = 65_536;

    public BenchOptions {
        require(port > 0 && port < 65_536, "--port must be 1..65535");
        require(clients >= 1 && clients <= MAX_CLIENTS, "--clients must be 1.." + MAX_CLIENTS);
        require(messages >= 0, "--messages must be >= 0");
        require(rate >= 0, "--rate must be >= 0");
        require(payload >= 1 && payload <= MAX_PAYLOAD, "--payload must be 1.." + MAX_PAYLOAD);
        require(silent >= 0 && silent <= clients, "--silent must be 0..clients");
        require(window >= 1, "--window must be >= 1");
        require(concurrentJoins >= 1, "--concurrent-joins must be >= 1");
        require(pid >= 0, "--pid must be >= 0");
        require(positive(timeLimit), "--time-limit must be > 0");
        require(positive(joinTimeout), "--join-timeout must be > 0");
        require(positive(settle), "--settle must be > 0");
        require(hold != null && !hold.isNegative(), "--hold must be >= 0");
        require(namePrefix != null && namePrefix.matches("[A-Za-z0-9_.-]{1,14}"),
                "--name-prefix must be 1..14 letters, digits, _ - .");
        require(String.valueOf(clients - 1).length() + namePrefix.length() <= 20,
                "--name-prefix too long for that many clients (usernames are at most 20 characters)");
        require(host != null && !host.isBlank(), "--host must not be empty");
        targets = targets == null ? Targets.single(host, port) : targets;
    }

    /**
     * Clients that send messages: the joined ones that read (silent clients neither read
     * nor send).
     */
    public int senders() {
        return idle ? 0 : clients - silent;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Mutable defaults, so that a scenario preset and the explicit options can be applied
     * in any order.
     */
    public static final class Builder {

        private String host = "127.0.0.1";

        private int port = 9999;

        private Targets targets;

        private int clients = 10;

        private int messages = 1000;

        private int rate;

        private int payload = 64;

        private int silent;

        private boolean idle;

        private Duration hold = Duration.ofSeconds(2);

        private String password;

        private Duration timeLimit = Duration.ofSeconds(60);

        private Duration joinTimeout = Duration.ofSeconds(30);

        private Duration settle = Duration.ofSeconds(3);

        private int window = 500;

        private int concurrentJoins = 50;

        private long pid;

        private String namePrefix = "b";

        private boolean json;

        private boolean quiet;

        private Scenario scenario;

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder targets(Targets v) {
            targets = v;
            return this;
        }

        public Builder clients(int v) {
            clients = v;
            return this;
        }

        public Builder messages(int v) {
            messages = v;
            return this;
        }

        public Builder rate(int v) {
            rate = v;
            return this;
        }

        public Builder payload(int v) {
            payload = v;
            return this;
        }

        public Builder silent(int v) {
            silent = v;
            return this;
        }

        public Builder idle(boolean v) {
            idle = v;
            return this;
        }

        public Builder hold(Duration v) {
            hold = v;
            return this;
        }

        public Builder password(String v) {
            password = v == null || v.isEmpty() ? null : v;
            return this;
        }

        public Builder timeLimit(Duration v) {
            timeLimit = v;
            return this;
        }

        public Builder joinTimeout(Duration v) {
            joinTimeout = v;
            return this;
        }

        public Builder settle(Duration v) {
            settle = v;
            return this;
        }

        public Builder window(int v) {
            window = v;
            return this;
        }

        public Builder concurrentJoins(int v) {
            concurrentJoins = v;
            return this;
        }

        public Builder pid(long v) {
            pid = v;
            return this;
        }

        public Builder namePrefix(String v) {
            namePrefix = v;
            return this;
        }

        public Builder json(boolean v) {
            json = v;
            return this;
        }

        public Builder quiet(boolean v) {
            quiet = v;
            return this;
        }

        public Builder scenario(Scenario v) {
            scenario = v;
            v.apply(this);
            return this;
        }

        public BenchOptions build() {
            return new BenchOptions(host, port, targets, clients, messages, rate, payload, silent, idle, hold, password,
                    timeLimit, joinTimeout, settle, window, concurrentJoins, pid, namePrefix, json, quiet, scenario);
        }

    }
}
