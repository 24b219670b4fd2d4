package io.socketchat.client;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The console on a real terminal: the line being typed is edited in place (arrows, Home, End,
 * Ctrl-A/E/K/U/W, Up and Down through what was sent) and server lines are printed above it,
 * after which it is drawn again, whole.
 * <p>
 * Built on JLine's terminal layer ({@link Terminal} for raw mode and signals, {@link Display}
 * for drawing the line with wrapping and minimal updates). JLine's own line reader would do
 * the editing too, but on the class path it makes Spring Shell turn the server's admin console
 * into a JLine console, which handles Ctrl-C differently; so the editing keys are done here.
 */
final class TerminalConsole implements ChatConsole {

    /**
     * The server removes control characters, but a server that is not ours might not: a stray
     * escape or carriage return must not be able to wreck the prompt. Tab is harmless.
     */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\t]]");

    private final Terminal terminal;
    private final Attributes originalAttributes;
    private final KeyReader keys;
    private final Display display;
    private final SpeakerColours colours;
    private final InputHistory history = new InputHistory();
    private final TypedLine line = new TypedLine();

    /** Held by whoever draws: the typist after a key, the listener for a server line. */
    private final Object screen = new Object();
    /** What is being asked for, or {@code null} while no line is being read. */
    private Prompt prompt;
    private AttributedString promptText = AttributedString.EMPTY;
    private Size size;

    /**
     * @param colour whether names may be coloured; honoured only if the terminal has colours
     */
    TerminalConsole(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        // Raw for the whole session, so keys typed while no line is read are not echoed into
        // the chat. Raw keeps ISIG: Ctrl-C still arrives as a signal (see onInterrupt).
        this.originalAttributes = terminal.enterRawMode();
        this.keys = new KeyReader(terminal.reader());
        this.display = new Display(terminal, false);
        Integer maxColours = terminal.getNumericCapability(Capability.max_colors);
        this.colours = colour && maxColours != null && maxColours >= 8 ? new SpeakerColours() : null;
        resize();
        terminal.handle(Terminal.Signal.WINCH, signal -> {
            synchronized (screen) {
                resize();
                redraw();
            }
        });
    }

    @Override
    public String readLine(Prompt prompt) {
        synchronized (screen) {
            this.prompt = prompt;
            this.promptText = render(prompt);
            line.replaceWith("");
            history.restart();
            redraw();
        }
        try {
            while (true) {
                Keystroke key = keys.next();
                synchronized (screen) {
                    switch (key.kind()) {
                        case ENTER -> {
                            String text = line.text();
                            if (prompt.kind() != Prompt.Kind.SECRET) {
                                history.add(text);
                            }
                            finishLine();
                            return text;
                        }
                        case END_OF_INPUT -> {
                            finishLine();
                            return null;
                        }
                        case CTRL_D -> {
                            if (line.isEmpty()) {
                                finishLine();
                                return null;
                            }
                            line.deleteAt();
                        }
                        default -> edit(key);
                    }
                    redraw();
                }
            }
        } catch (IOException e) {
            synchronized (screen) {
                finishLine();
            }
            return null;
        }
    }

    @Override
    public void show(String serverLine) {
        String text = printable(serverLine);
        printAbove(colours != null ? colours.style(text) : new AttributedString(text));
    }

    @Override
    public void status(String message) {
        printAbove(new AttributedString(message));
    }

    @Override
    public void promptChanged(Prompt newPrompt) {
        synchronized (screen) {
            if (prompt != null && prompt.kind() == newPrompt.kind()) {
                prompt = newPrompt;
                promptText = render(newPrompt);
                redraw();
            }
        }
    }

    @Override
    public void onInterrupt(Runnable leave) {
        terminal.handle(Terminal.Signal.INT, signal -> leave.run());
    }

    @Override
    public void close() {
        synchronized (screen) {
            // Mid-line (the server went away, or Ctrl-C): take the prompt and the half-typed
            // text away, so the shell starts on a clean line.
            if (prompt != null) {
                promptText = AttributedString.EMPTY;
                line.replaceWith("");
                redraw();
                prompt = null;
            }
            terminal.setAttributes(originalAttributes);
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // The terminal is being given back anyway.
        }
    }

    private void edit(Keystroke key) {
        boolean secret = prompt.kind() == Prompt.Kind.SECRET;
        switch (key.kind()) {
            case TYPE -> line.insert(key.codePoint());
            case BACKSPACE -> line.deleteBefore();
            case DELETE -> line.deleteAt();
            case LEFT -> line.left();
            case RIGHT -> line.right();
            case HOME -> line.home();
            case END -> line.end();
            case WORD_LEFT -> line.wordLeft();
            case WORD_RIGHT -> line.wordRight();
            case KILL_TO_START -> line.killToStart();
            case KILL_TO_END -> line.killToEnd();
            case KILL_WORD -> line.killWordBefore();
            case UP -> {
                String older = secret ? null : history.previous(line.text());
                if (older != null) {
                    line.replaceWith(older);
                }
            }
            case DOWN -> {
                String newer = secret ? null : history.next();
                if (newer != null) {
                    line.replaceWith(newer);
                }
            }
            case REDRAW -> {
                terminal.puts(Capability.clear_screen);
                display.reset();
            }
            default -> {
                // Keys the chat has no use for are ignored rather than typed.
            }
        }
    }

    /** Prints above the line being typed: erase it, print, draw it again below. */
    private void printAbove(AttributedString text) {
        synchronized (screen) {
            if (prompt != null) {
                display.update(Collections.emptyList(), 0);
            }
            terminal.writer().print(text.toAnsi(terminal));
            newLine();
            redraw();
            terminal.flush();
        }
    }

    /** The line is done: leave it on screen as typed and go to the start of the next one. */
    private void finishLine() {
        if (prompt == null) {
            return;
        }
        line.end();
        redraw();
        newLine();
        display.reset();
        prompt = null;
        terminal.flush();
    }

    private void redraw() {
        if (prompt == null) {
            return;
        }
        int columns = size.getColumns();
        AttributedString whole = concat(promptText, shown(line.text()));
        AttributedString toCursor = concat(promptText, shown(line.beforeCursor()));
        List<AttributedString> rows = whole.columnSplitLength(columns, true, display.delayLineWrap());
        List<AttributedString> rowsToCursor = toCursor.columnSplitLength(columns, false, display.delayLineWrap());
        int cursorRow = rowsToCursor.size() - 1;
        display.update(rows, size.cursorPos(cursorRow, rowsToCursor.get(cursorRow).columnLength()));
    }

    private AttributedString shown(String text) {
        return new AttributedString(prompt.kind() == Prompt.Kind.SECRET
                ? "*".repeat(text.codePointCount(0, text.length()))
                : printable(text));
    }

    private AttributedString render(Prompt prompt) {
        return switch (prompt.kind()) {
            case ANSWER, SECRET -> new AttributedString(printable(prompt.text()) + " ");
            case MESSAGE -> concat(colours != null ? colours.name(prompt.text()) : new AttributedString(prompt.text()),
                    new AttributedString("> "));
        };
    }

    private void newLine() {
        terminal.puts(Capability.carriage_return);
        terminal.writer().write('\n');
    }

    private void resize() {
        size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
    }

    private static AttributedString concat(AttributedString first, AttributedString second) {
        return new AttributedStringBuilder().append(first).append(second).toAttributedString();
    }

    private static String printable(String text) {
        return UNPRINTABLE.matcher(text).replaceAll("");
    }
}
