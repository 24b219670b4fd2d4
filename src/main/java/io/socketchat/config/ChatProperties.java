package io.socketchat.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can tune, under {@code chat.*}. The defaults are those of the
 * wire protocol; {@code application.yml} at the top of the project documents each key.
 *
 * @param name shown in the welcome line
 * @param port TCP port for chat clients; 0 picks any free port (it is logged)
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
 * @param console the admin console on the server's terminal
 * @param unterminatedLinePause on a connection whose first input ended in a pause rather than an LF
 *        (clients that send each line without a line end), a pause this long ends a line
 */
@ConfigurationProperties("chat")
public record ChatProperties(
        @DefaultValue("Socket Chat") String name,
        @DefaultValue("9999") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("5") int maxClients,
        @DefaultValue("1024") int maxLineBytes,
        @DefaultValue("60s") Duration loginTimeout,
        @DefaultValue("1000") int sendQueueLimit,
        @DefaultValue("20") int rateLimit,
        @DefaultValue("20") int historySize,
        @DefaultValue("") String password,
        @DefaultValue("64") int maxPending,
        @DefaultValue("5s") Duration shutdownGrace,
        @DefaultValue Console console,
        @DefaultValue("300ms") Duration unterminatedLinePause) {

    public ChatProperties {
        require(port >= 0 && port <= 65535, "chat.port must be between 0 and 65535, was " + port);
        require(maxClients >= 1, "chat.max-clients must be at least 1, was " + maxClients);
        require(maxLineBytes >= 16, "chat.max-line-bytes must be at least 16, was " + maxLineBytes);
        require(sendQueueLimit >= 1, "chat.send-queue-limit must be at least 1, was " + sendQueueLimit);
        require(rateLimit >= 0, "chat.rate-limit must be 0 (off) or more, was " + rateLimit);
        require(historySize >= 0, "chat.history-size must be 0 (off) or more, was " + historySize);
        require(maxPending >= 1, "chat.max-pending must be at least 1, was " + maxPending);
        require(!loginTimeout.isNegative() && !loginTimeout.isZero(), "chat.login-timeout must be positive");
        require(!shutdownGrace.isNegative(), "chat.shutdown-grace must not be negative");
        require(unterminatedLinePause != null && !unterminatedLinePause.isNegative()
                && !unterminatedLinePause.isZero(), "chat.unterminated-line-pause must be positive");
        password = password == null ? "" : password;
        console = console == null ? new Console(true) : console;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    /** @param enabled start the admin console when standard input is a terminal */
    public record Console(@DefaultValue("true") boolean enabled) {
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
