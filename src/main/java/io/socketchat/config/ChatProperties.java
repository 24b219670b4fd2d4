package io.socketchat.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can tune, under {@code chat.*}. The defaults are those of the
 * wire protocol; {@code application.yml} at the top of the project documents each key.
 *
 * @param name shown in the welcome line
 * @param port TCP port for chat clients; 0 picks any free port (it is logged); -1 turns
 * the plain port off
 * @param bindAddress address the TCP server listens on
 * @param maxClients users in the chat at once
 * @param maxLineBytes longest accepted line in bytes, terminator excluded
 * @param loginTimeout time a new connection has to choose a username
 * @param sendQueueLimit lines queued for one user before it is dropped as not reading
 * @param rateLimit lines a second per user (burst twice that); 0 turns flood control off
 * @param historySize public lines replayed to a new user; 0 turns history off
 * @param password server password; empty means none
 * @param maxPending connections still choosing a name before new ones are turned away
 * @param shutdownGrace how long shutdown waits for queued lines to be delivered
 * @param maxConnectionsPerAddress connections from one IP address, logging in and joined
 * together; 0 = no limit per address (for when every client comes through one address,
 * such as a proxy)
 * @param passwordAttempts wrong passwords from one address within 10 minutes before it is
 * locked out for 10 minutes; 0 = no lockout
 * @param console the admin console on the server's terminal
 * @param web the chat page and its WebSocket on the HTTP port
 * @param cluster several nodes serving one room through Redis
 * @param tls the same chat over TLS on a port of its own
 * @param unterminatedLinePause on a connection whose first input ended in a pause rather
 * than an LF (clients that send each line without a line end), a pause this long ends a
 * line
 * @param accounts names that belong to their people: passwords and invites
 * @param dataDir where one node keeps what it must remember across restarts (the
 * accounts); with several nodes they are in Redis
 * @param irc the room as one IRC channel, on ports of its own
 */
@ConfigurationProperties("chat")
public record ChatProperties(@DefaultValue("Socket Chat") String name, @DefaultValue("9999") int port,
        @DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5") int maxClients,
        @DefaultValue("1024") int maxLineBytes, @DefaultValue("60s") Duration loginTimeout,
        @DefaultValue("1000") int sendQueueLimit, @DefaultValue("20") int rateLimit,
        @DefaultValue("20") int historySize, @DefaultValue("") String password, @DefaultValue("64") int maxPending,
        @DefaultValue("5s") Duration shutdownGrace, @DefaultValue("10") int maxConnectionsPerAddress,
        @DefaultValue("5") int passwordAttempts, @DefaultValue Console console, @DefaultValue Web web,
        @DefaultValue Cluster cluster, @DefaultValue Tls tls, @DefaultValue("300ms") Duration unterminatedLinePause,
        @DefaultValue Accounts accounts, @DefaultValue("./data") String dataDir, @DefaultValue Irc irc) {

    public ChatProperties {
        require(port >= -1 && port <= 65535, "chat.port must be between 0 and 65535 (or -1 for none), was " + port);
        require(maxClients >= 1, "chat.max-clients must be at least 1, was " + maxClients);
        require(maxLineBytes >= 16, "chat.max-line-bytes must be at least 16, was " + maxLineBytes);
        require(sendQueueLimit >= 1, "chat.send-queue-limit must be at least 1, was " + sendQueueLimit);
        require(rateLimit >= 0, "chat.rate-limit must be 0 (off) or more, was " + rateLimit);
        require(historySize >= 0, "chat.history-size must be 0 (off) or more, was " + historySize);
        require(maxPending >= 1, "chat.max-pending must be at least 1, was " + maxPending);
        require(!loginTimeout.isNegative() && !loginTimeout.isZero(), "chat.login-timeout must be positive");
        require(!shutdownGrace.isNegative(), "chat.shutdown-grace must not be negative");
        require(maxConnectionsPerAddress >= 0,
                "chat.max-connections-per-address must be 0 (no limit) or more, was " + maxConnectionsPerAddress);
        require(passwordAttempts >= 0,
                "chat.password-attempts must be 0 (no lockout) or more, was " + passwordAttempts);
        require(unterminatedLinePause != null && !unterminatedLinePause.isNegative() && !unterminatedLinePause.isZero(),
                "chat.unterminated-line-pause must be positive");
        password = password == null ? "" : password;
        console = console == null ? new Console(true) : console;
        web = web == null ? new Web(true, List.of()) : web;
        cluster = cluster == null ? new Cluster(false, "", Duration.ofSeconds(15)) : cluster;
        tls = tls == null ? new Tls(null, "chat") : tls;
        accounts = accounts == null ? new Accounts("off", Duration.ofHours(24)) : accounts;
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir.strip();
        irc = irc == null ? new Irc(null, null, "#chat", "") : irc;
        require(port != -1 || tls.enabled(),
                "chat.port=-1 turns the plain port off; set chat.tls.port to serve TLS instead");
    }

    /** False when {@code chat.port=-1}: only the TLS port is served. */
    public boolean hasPlainPort() {
        return port != -1;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    /**
     * @param enabled start the admin console when standard input is a terminal
     */
    public record Console(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param enabled serve the chat page at {@code /} and its WebSocket at {@code /chat}
     * @param allowedOrigins origins besides the page's own whose pages may open the
     * WebSocket ({@code https://chat.example.org}, or {@code *} for any); none by default
     */
    public record Web(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins) {

        /**
         * An origin as browsers send it: scheme, host and optional port, nothing after.
         */
        private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

        public Web {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            for (String origin : allowedOrigins) {
                require(origin.equals("*") || ORIGIN.matcher(origin).matches(), "chat.web.allowed-origins: \"" + origin
                        + "\" is not an origin like https://chat.example.org or http://host:8080 (no path), nor *");
            }
        }
    }

    /**
     * @param enabled join the room kept in Redis ({@code spring.data.redis.*}) instead of
     * keeping it in this JVM
     * @param nodeName this node's name in health and logs; empty means
     * {@code <host>:<chat.port>}
     * @param lease how long a node's users keep their names and places once the node
     * stops renewing them (a node that dies: the others see its users leave within the
     * lease plus 5 s)
     */
    public record Cluster(@DefaultValue("false") boolean enabled, @DefaultValue("") String nodeName,
            @DefaultValue("15s") Duration lease) {

        public Cluster {
            nodeName = nodeName == null ? "" : nodeName.strip();
            require(lease != null && lease.toMillis() >= 1000, "chat.cluster.lease must be at least 1s, was " + lease);
        }
    }

    /**
     * @param port TLS port (0 = any free port); none by default: no TLS port
     * @param bundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) with the
     * certificate
     */
    public record Tls(Integer port, @DefaultValue("chat") String bundle) {

        public Tls {
            require(port == null || (port >= 0 && port <= 65535),
                    "chat.tls.port must be between 0 and 65535, was " + port);
            require(bundle != null && !bundle.isBlank(), "chat.tls.bundle must name an SSL bundle");
        }

        public boolean enabled() {
            return port != null;
        }
    }

    /**
     * @param mode {@code off} (anyone under a free name), {@code open} (a registered name
     * needs its password; {@code /register}) or {@code invite} (only registered names
     * join)
     * @param inviteTtl how long an invite code from the console's {@code invite} is valid
     */
    public record Accounts(@DefaultValue("off") String mode, @DefaultValue("24h") Duration inviteTtl) {

        /** What {@code chat.accounts.mode} asks for. */
        public enum Mode {

            OFF, OPEN, INVITE

        }

        public Accounts {
            mode = mode == null ? "off" : mode.strip();
            require(parse(mode) != null, "chat.accounts.mode must be off, open or invite, was \"" + mode + "\"");
            require(inviteTtl != null && inviteTtl.toSeconds() >= 1,
                    "chat.accounts.invite-ttl must be at least 1s, was " + inviteTtl);
        }

        public Mode kind() {
            return parse(mode);
        }

        /** Whether names can have accounts at all. */
        public boolean enabled() {
            return kind() != Mode.OFF;
        }

        private static Mode parse(String mode) {
            if (mode.equalsIgnoreCase("false")) {
                // YAML reads an unquoted off as false
                return Mode.OFF;
            }
            for (Mode each : Mode.values()) {
                if (each.name().equalsIgnoreCase(mode)) {
                    return each;
                }
            }
            return null;
        }
    }

    /**
     * @param port plain IRC port (0 = any free port); none by default: no IRC
     * @param tlsPort IRC over TLS, with the certificate of {@code chat.tls.bundle}; none
     * by default
     * @param channel the channel that is the room
     * @param serverName the server's name on IRC; empty means the host name
     */
    public record Irc(Integer port, Integer tlsPort, @DefaultValue("#chat") String channel,
            @DefaultValue("") String serverName) {

        public Irc {
            require(port == null || (port >= 0 && port <= 65535),
                    "chat.irc.port must be between 0 and 65535, was " + port);
            require(tlsPort == null || (tlsPort >= 0 && tlsPort <= 65535),
                    "chat.irc.tls-port must be between 0 and 65535, was " + tlsPort);
            channel = channel == null ? "#chat" : channel;
            require(channel.matches("#[^\\s,:\\x00-\\x1F\\x7F]{1,49}"),
                    "chat.irc.channel must be # and 1 to 49 characters without spaces, commas or colons, was "
                            + channel);
            serverName = serverName == null ? "" : serverName.strip();
            require(serverName.matches("[A-Za-z0-9.-]*"),
                    "chat.irc.server-name must be a host name (letters, digits, dots, dashes), was " + serverName);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
