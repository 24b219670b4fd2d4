package io.socketchat.client;

/**
 * The user's side of a session: where server lines appear and typed lines come from.
 * Server lines arrive on another thread while {@link #readLine} waits, so implementations
 * must let the two run at once without mixing them on screen.
 */
public interface ChatConsole extends AutoCloseable {

    /**
     * Reads the user's next line.
     * @return the line, or {@code null} when the user is done (end of input, Ctrl-D)
     */
    String readLine(Prompt prompt);

    /** Shows a line from the server without disturbing the line being typed. */
    void show(String serverLine);

    /** Shows one of the client's own messages (connection trouble, farewell). */
    void status(String message);

    /** The prompt changed while the user may be typing (after {@code /nick}). */
    default void promptChanged(Prompt prompt) {
    }

    /** Ctrl-C runs this, whether or not a line is being read: the user leaves. */
    void onInterrupt(Runnable leave);

    @Override
    void close();

}
