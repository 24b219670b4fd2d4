package io.socketchat.client;

import java.io.IOException;
import java.nio.file.Path;

import io.socketchat.start.LaunchMode;
import io.socketchat.start.Terminals;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Entry point of the {@code client} profile: a participant in the chat, for a terminal.
 * <p>
 * No Spring application context at all: the client reads two settings with Spring Boot's
 * binder and starts talking. So nothing of the server (TCP listener, web server, admin
 * shell) can start, and the prompt is there in well under a second.
 */
public final class ChatClientApplication {

    /** Exit status when the settings cannot be read, before any connection is tried. */
    static final int BAD_SETTINGS = 2;

    private ChatClientApplication() {
    }

    public static void main(String[] args) {
        // Spring's classes log through Logback, which unconfigured prints DEBUG lines to
        // the
        // screen. Boot's own "nothing until configured" filter keeps the client's screen
        // for chat.
        LoggingSystem.get(ChatClientApplication.class.getClassLoader()).beforeInitialize();
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (LaunchMode.asksForHelp(args)) {
            System.out.print(ClientHelp.TEXT);
            return 0;
        }
        ChatClientSettings settings;
        try {
            settings = settings(LaunchMode.withoutModeWord(args));
        }
        catch (RuntimeException e) {
            System.err.println(SettingsProblem.describe(e));
            return BAD_SETTINGS;
        }
        try (ChatConsole console = consoleOfProcess()) {
            return new ChatSession(settings, console).run().exitCode();
        }
    }

    /**
     * The settings from the command line ({@code --chat.port=9000}), system properties
     * and the environment ({@code CHAT_PORT=9000}), with Spring Boot's binder: its rules
     * and messages, without starting an application context for two values.
     */
    static ChatClientSettings settings(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Binder binder = Binder.get(environment);
        ChatClientSettings settings = binder.bindOrCreate("chat", ChatClientSettings.class);
        // chat.tls is a value and a prefix at once (chat.tls=true,
        // chat.tls.trust=cert.pem)
        return settings.trusting(binder.bind("chat.tls.trust", Path.class).orElse(null));
    }

    /**
     * JLine when both ends are a terminal that can edit a line; plain lines otherwise.
     */
    private static ChatConsole consoleOfProcess() {
        if (!Terminals.interactive()) {
            return LineConsole.ofProcess();
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            // A terminal that reports no width (some serial lines, bare pseudo-terminals)
            // leaves
            // JLine nothing to lay the line out in: plain lines work there, an editor
            // does not.
            if (terminal.getType().startsWith(Terminal.TYPE_DUMB) || terminal.getWidth() <= 0) {
                terminal.close();
                return LineConsole.ofProcess();
            }
            return new TerminalConsole(terminal, System.getenv("NO_COLOR") == null);
        }
        catch (IOException e) {
            return LineConsole.ofProcess();
        }
    }

}
