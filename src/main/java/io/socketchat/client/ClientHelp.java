package io.socketchat.client;

/** What {@code java -jar socket-chat.jar client --help} prints. */
final class ClientHelp {

    static final String TEXT = """
            Usage: java -jar socket-chat.jar client [--key=value ...]
              Joins a chat on a Socket Chat server (or any server that speaks its protocol) from this terminal.

            Settings (also from the environment: CHAT_HOST, CHAT_PORT, ...)
              --chat.host=HOST             the server (default localhost)
              --chat.port=N                its port (default 9999)
              --chat.connect-timeout=TIME  how long to try to reach it (default 5s)
              --chat.tls=true              connect over TLS, trusting the system's certificate authorities
              --chat.tls.trust=FILE        trust this PEM certificate as well (a self-signed server's)
              -h, --help                   this text

            Exit status: 0 you left; 1 the server ended the chat or went away; 2 no connection, or a bad setting.
            Keys, scripts and more: docs/client.md beside the sources.
            """;

    private ClientHelp() {
    }

}
