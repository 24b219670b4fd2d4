package io.socketchat.client;

import java.util.regex.Pattern;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * The console on a real terminal, through JLine: line editing and history for what is typed,
 * and server lines printed above the line being edited, which is then redrawn intact.
 */
final class TerminalConsole implements ChatConsole {

    /**
     * The server removes control characters, but a server that is not ours might not: a stray
     * escape or carriage return must not be able to wreck the prompt. Tab is harmless.
     */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\t]]");

    private final Terminal terminal;
    /** The implementation, not the interface: only it can change the prompt of a line being read. */
    private final LineReaderImpl reader;
    private final SpeakerColours colours;

    /**
     * @param colour whether names may be coloured; honoured only if the terminal has colours
     */
    TerminalConsole(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        this.reader = (LineReaderImpl) LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("socket-chat")
                // Chat text is not a shell command: "!" and "\" must reach the others as typed.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Integer maxColours = terminal.getNumericCapability(Capability.max_colors);
        this.colours = colour && maxColours != null && maxColours >= 8 ? new SpeakerColours() : null;
    }

    @Override
    public String readLine(Prompt prompt) {
        try {
            return prompt.kind() == Prompt.Kind.SECRET
                    ? reader.readLine(promptText(prompt), '*')
                    : reader.readLine(promptText(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void show(String serverLine) {
        String line = printable(serverLine);
        reader.printAbove(colours != null ? colours.style(line) : new AttributedString(line));
    }

    @Override
    public void status(String message) {
        reader.printAbove(message);
    }

    @Override
    public void promptChanged(Prompt prompt) {
        redraw(promptText(prompt));
    }

    @Override
    public void onInterrupt(Runnable leave) {
        // While a line is read JLine turns Ctrl-C into an interrupted read; this covers the rest.
        terminal.handle(Terminal.Signal.INT, signal -> leave.run());
    }

    @Override
    public void close() {
        // The server went away mid-line: take the prompt away so the shell starts on a clean line.
        redraw("");
        try {
            terminal.close();
        } catch (java.io.IOException e) {
            // The terminal is being given back anyway.
        }
    }

    private void redraw(String promptText) {
        if (!reader.isReading()) {
            return;
        }
        try {
            reader.setPrompt(promptText);
            if (promptText.isEmpty()) {
                reader.callWidget(LineReader.KILL_BUFFER);
            }
            // Redisplay, not redraw-line: it compares with what is on screen and so also erases.
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException e) {
            // The line was finished meanwhile; the next prompt is drawn fresh.
        }
    }

    private String promptText(Prompt prompt) {
        AttributedString text = switch (prompt.kind()) {
            case ANSWER, SECRET -> new AttributedString(printable(prompt.text()) + " ");
            case MESSAGE -> AttributedString.join(new AttributedString(""),
                    colours != null ? colours.name(prompt.text()) : new AttributedString(prompt.text()),
                    new AttributedString("> "));
        };
        // JLine reads "%" in prompts as its own placeholders.
        return text.toAnsi(terminal).replace("%", "%%");
    }

    private static String printable(String text) {
        return UNPRINTABLE.matcher(text).replaceAll("");
    }
}
