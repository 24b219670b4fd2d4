package io.socketchat.client;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jline.utils.Signals;

/**
 * The console without a terminal (piped input, scripts, {@code TERM=dumb}): one line in,
 * one line out, no prompt, no colour, nothing redrawn. Server lines go to standard output
 * exactly as received; the client's own messages go to standard error so scripts can tell
 * them apart. Text is UTF-8 both ways, as on the wire, whatever the locale.
 */
final class LineConsole implements ChatConsole {

    private final BufferedReader typed;

    private final PrintStream out;

    private final PrintStream err;

    private final boolean ownsInterrupt;

    LineConsole(InputStream in, OutputStream out, OutputStream err) {
        this(in, out, err, false);
    }

    private LineConsole(InputStream in, OutputStream out, OutputStream err, boolean ownsInterrupt) {
        this.typed = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        this.ownsInterrupt = ownsInterrupt;
    }

    /** The console of this process, which may also take over Ctrl-C. */
    static LineConsole ofProcess() {
        return new LineConsole(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), true);
    }

    @Override
    public String readLine(Prompt prompt) {
        if (prompt.isQuestion()) {
            show(prompt.text());
        }
        try {
            return typed.readLine();
        }
        catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void show(String serverLine) {
        out.println(serverLine);
    }

    @Override
    public void status(String message) {
        err.println(message);
    }

    @Override
    public void onInterrupt(Runnable leave) {
        if (ownsInterrupt) {
            // Ctrl-C leaves as cleanly as end of input: the others see "left the chat",
            // status 0.
            Signals.register("INT", leave);
        }
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
    }

}
