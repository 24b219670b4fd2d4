package io.socketchat.client;

import java.io.IOError;
import java.io.IOException;
import java.util.regex.Pattern;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * The console on a real terminal: JLine's {@link LineReader} edits the line being typed
 * (its Emacs-style keys, history of what was sent) and prints server lines above it with
 * {@link LineReader#printAbove}, so an incoming line never breaks into what the user is
 * typing.
 * <p>
 * What is typed goes to the server exactly as typed: no {@code !!} expansion, no
 * backslash escapes, no waiting for a closing quote. The password is masked and kept out
 * of the history.
 */
final class TerminalConsole implements ChatConsole {

    /**
     * The server removes control characters, but a server that is not ours might not: a
     * stray escape or carriage return must not be able to wreck the prompt. Tab is
     * harmless.
     */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\t]]");

    private static final char MASK = '*';

    private final Terminal terminal;

    private final Attributes originalAttributes;

    /**
     * The implementation, for setPrompt: the prompt follows /nick while a line is being
     * typed.
     */
    private final LineReaderImpl reader;

    private final SpeakerColours colours;

    /** What is being asked for, or {@code null} while no line is being read. */
    private volatile Prompt prompt;

    /**
     * @param colour whether names may be coloured; honoured only if the terminal has
     * colours
     */
    TerminalConsole(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        // Raw for the whole session, so keys typed while no line is read are not echoed
        // into
        // the chat (the reader restores what it found, raw, after each line). Raw keeps
        // ISIG:
        // Ctrl-C still arrives as a signal (see onInterrupt).
        this.originalAttributes = terminal.enterRawMode();
        DefaultParser verbatim = new DefaultParser();
        verbatim.setEofOnUnclosedQuote(false);
        verbatim.setEofOnEscapedNewLine(false);
        this.reader = (LineReaderImpl) LineReaderBuilder.builder()
            .terminal(terminal)
            .parser(verbatim)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .variable(LineReader.BELL_STYLE, "none")
            .build();
        bindCursorKeysOfBothModes();
        Integer maxColours = terminal.getNumericCapability(Capability.max_colors);
        this.colours = colour && maxColours != null && maxColours >= 8 ? new SpeakerColours() : null;
    }

    @Override
    public String readLine(Prompt prompt) {
        this.prompt = prompt;
        try {
            return prompt.kind() == Prompt.Kind.SECRET ? reader.readLine(render(prompt), MASK)
                    : reader.readLine(render(prompt));
        }
        catch (UserInterruptException e) {
            // Ctrl-C: the user leaves, and the half-typed line goes, so the shell starts
            // clean
            eraseFinishedLine(prompt, e.getPartialLine());
            return null;
        }
        catch (EndOfFileException e) {
            // Ctrl-D on an empty line, or the terminal's input ended: the user leaves.
            return null;
        }
        catch (IOError | IllegalStateException e) {
            // The terminal was closed under the reader (the session is over).
            return null;
        }
        finally {
            this.prompt = null;
        }
    }

    @Override
    public void show(String serverLine) {
        String text = printable(serverLine);
        reader.printAbove(colours != null ? colours.style(text) : new AttributedString(text));
    }

    @Override
    public void status(String message) {
        reader.printAbove(new AttributedString(message));
    }

    @Override
    public void promptChanged(Prompt newPrompt) {
        Prompt current = prompt;
        if (current != null && current.kind() == newPrompt.kind()) {
            prompt = newPrompt;
            redrawWith(render(newPrompt), false);
        }
    }

    @Override
    public void onInterrupt(Runnable leave) {
        // While a line is read the reader turns Ctrl-C into UserInterruptException
        // (readLine
        // returns null: the user leaves); this handler covers the moments in between.
        terminal.handle(Terminal.Signal.INT, signal -> leave.run());
    }

    @Override
    public void close() {
        // Mid-line (the server went away, or Ctrl-C): take the prompt and the half-typed
        // text
        // away, so the shell starts on a clean line.
        if (prompt != null) {
            redrawWith("", true);
        }
        terminal.setAttributes(originalAttributes);
        try {
            terminal.close();
        }
        catch (IOException e) {
            // The terminal is being given back anyway.
        }
    }

    /**
     * JLine binds the cursor keys the terminal's description names, those of the
     * application cursor mode it switches on while reading ({@code ESC O A}). Keys typed
     * ahead, and terminals that ignore the switch, send the normal mode's
     * {@code ESC [ A}: bind those too. Up and Down walk the history whatever is typed, as
     * Ctrl-P and Ctrl-N do.
     */
    private void bindCursorKeysOfBothModes() {
        KeyMap<Binding> keys = reader.getKeyMaps().get(LineReader.EMACS);
        for (String mode : new String[] { "\033[", "\033O" }) {
            keys.bind(new Reference(LineReader.UP_LINE_OR_HISTORY), mode + "A");
            keys.bind(new Reference(LineReader.DOWN_LINE_OR_HISTORY), mode + "B");
            keys.bind(new Reference(LineReader.FORWARD_CHAR), mode + "C");
            keys.bind(new Reference(LineReader.BACKWARD_CHAR), mode + "D");
            keys.bind(new Reference(LineReader.BEGINNING_OF_LINE), mode + "H");
            keys.bind(new Reference(LineReader.END_OF_LINE), mode + "F");
        }
        for (String home : new String[] { "\033[1~", "\033[7~" }) {
            keys.bind(new Reference(LineReader.BEGINNING_OF_LINE), home);
        }
        for (String end : new String[] { "\033[4~", "\033[8~" }) {
            keys.bind(new Reference(LineReader.END_OF_LINE), end);
        }
    }

    /**
     * Takes away the rows of a line the reader has just finished (it leaves them on
     * screen).
     */
    private void eraseFinishedLine(Prompt prompt, String typed) {
        int columns = terminal.getWidth();
        if (columns <= 0) {
            return;
        }
        int width = AttributedString.fromAnsi(render(prompt)).columnLength()
                + (typed == null ? 0 : new AttributedString(typed).columnLength());
        int rows = Math.max(1, (width + columns - 1) / columns);
        for (int i = 0; i < rows; i++) {
            terminal.puts(Capability.cursor_up);
        }
        terminal.puts(Capability.carriage_return);
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    /**
     * Draws the line being read again with another prompt, and without its text if asked.
     */
    private void redrawWith(String newPrompt, boolean clearText) {
        try {
            reader.setPrompt(newPrompt);
            if (clearText) {
                reader.callWidget(LineReader.KILL_WHOLE_LINE);
            }
            // REDISPLAY compares with what is on screen and rewrites the difference, so a
            // shorter
            // prompt or an emptied line leaves nothing of the old one behind.
            reader.callWidget(LineReader.REDISPLAY);
        }
        catch (IllegalStateException e) {
            // The line was finished meanwhile: the next one is read with the current
            // prompt.
        }
    }

    /**
     * The prompt as the reader takes it: ANSI colours allowed, its own {@code %} codes
     * escaped.
     */
    private String render(Prompt prompt) {
        AttributedString text = switch (prompt.kind()) {
            case ANSWER, SECRET -> new AttributedString(printable(prompt.text()) + " ");
            case MESSAGE -> new AttributedStringBuilder()
                .append(colours != null ? colours.name(prompt.text()) : new AttributedString(prompt.text()))
                .append("> ")
                .toAttributedString();
        };
        return text.toAnsi(terminal).replace("%", "%%");
    }

    private static String printable(String text) {
        return UNPRINTABLE.matcher(text).replaceAll("");
    }

}
