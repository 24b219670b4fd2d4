package io.socketchat.client;

/** How a chat session ended, and the exit status the client reports for it. */
public enum SessionEnd {

    /** The user left: exit, /quit, Ctrl-D, Ctrl-C or the end of piped input. */
    LEFT(0),
    /** The server closed the connection, shut down or went away. */
    SERVER_GONE(1),
    /** No connection could be made. */
    NOT_CONNECTED(2);

    private final int exitCode;

    SessionEnd(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

}
