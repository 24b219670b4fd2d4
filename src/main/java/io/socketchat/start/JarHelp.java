package io.socketchat.start;

/**
 * What {@code java -jar socket-chat.jar --help} prints: the jar's three programs, the
 * options people reach for first, and where the manual is. The client and the benchmark
 * have their own ({@code client --help}, {@code bench --help}).
 */
public final class JarHelp {

    public static final String TEXT = """
            Socket Chat: a group chat server for terminals and browsers, its client and its benchmark.

            Usage:
              java -jar socket-chat.jar [--key=value ...]          the chat server
              java -jar socket-chat.jar client [--key=value ...]   join a chat from this terminal
              java -jar socket-chat.jar bench [options]            measure a chat server
              java -jar socket-chat.jar [client | bench] --help    this text, or the client's or the benchmark's

            The server (settings also go in application.yml in the working directory)
              --chat.port=N                 chat port (default 9999; 0 = any free port; -1 = none, TLS only)
              --chat.bind-address=ADDRESS   0.0.0.0 for the network (default), 127.0.0.1 for this machine only
              --chat.max-clients=N          users in the chat at once (default 5)
              --chat.password=TEXT          a password asked before the username (default none)
              --chat.tls.port=N             the same chat over TLS (needs a certificate: docs/operating.md#tls)
              --server.port=N               HTTP port for the chat page, health and metrics (default 8080)
              --chat.cluster.enabled=true   one room over several nodes, kept in Redis (--spring.data.redis.host=...)

            The client
              --chat.host=HOST --chat.port=N   the server to join (default localhost:9999)
              --chat.tls=true                  over TLS (--chat.tls.trust=cert.pem for a self-signed certificate)

            The benchmark
              --scenario S1..S5   a preset load      -c N, -n N   users, messages each
              --host HOST, -p N   the server         --json       one JSON line for scripts

            The manual is README.md and docs/ beside the sources: every setting in docs/operating.md,
            the client in docs/client.md, the benchmark in docs/bench.md.
            """;

    private JarHelp() {
    }

}
