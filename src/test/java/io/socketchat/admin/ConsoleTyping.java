package io.socketchat.admin;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.socketchat.support.RunningServer;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * A line typed at the admin console, parsed and run by Spring Shell as at the prompt.
 */
final class ConsoleTyping {

    private ConsoleTyping() {
    }

    /**
     * Runs {@code input} against the server's commands and returns what they printed.
     */
    static String type(RunningServer server, String input) {
        CommandRegistry registry = server.bean(CommandRegistry.class);
        CommandParser parser = server.bean(CommandParser.class);
        StringWriter output = new StringWriter();
        CommandContext context = new CommandContext(parser.parse(input), registry, new PrintWriter(output, true), null);
        new CommandExecutor(registry).execute(context);
        return output.toString();
    }

}
