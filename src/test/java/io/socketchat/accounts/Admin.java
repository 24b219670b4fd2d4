package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/** The admin's console and a friend's first steps, as the accounts tests use them. */
final class Admin {

    private static final Pattern INVITE = Pattern
        .compile("^Invite code for (\\S+): (\\S+) \\(valid ([^)]+)\\)\\. They join as \\1 and enter it once\\.$");

    private Admin() {
    }

    /**
     * A line typed at the admin console, parsed and run by Spring Shell; what it printed.
     */
    static String type(RunningServer server, String input) {
        CommandRegistry registry = server.bean(CommandRegistry.class);
        CommandParser parser = server.bean(CommandParser.class);
        StringWriter output = new StringWriter();
        CommandContext context = new CommandContext(parser.parse(input), registry, new PrintWriter(output, true), null);
        new CommandExecutor(registry).execute(context);
        return output.toString().strip();
    }

    /** {@code invite <name>} at the console: the code it printed. */
    static String invite(RunningServer server, String name) {
        String printed = type(server, "invite " + name);
        Matcher matcher = INVITE.matcher(printed);
        assertThat(matcher.matches()).as(printed).isTrue();
        return matcher.group(2);
    }

    /**
     * A friend's first join: the invite code, then the password chosen twice; Hello read.
     */
    static LineClient firstJoin(LineClient friend, String name, String code, String password) {
        friend.expectStartingWith("Welcome to ");
        friend.send(name);
        friend.expect("Invite code for " + name + ":");
        friend.send(code);
        friend.expect("Choose a password (at least 8 characters):");
        friend.send(password);
        friend.expect("Repeat the password:");
        friend.send(password);
        friend.expectStartingWith("Hello " + name + "! ");
        return friend;
    }

    /** Leaves and waits until the server has closed the connection (the name is free). */
    static void leave(LineClient user) {
        user.send("exit");
        user.expectClosed();
    }

    /** A registered user's join: the password; Hello read. */
    static LineClient logIn(LineClient user, String name, String password) {
        user.expectStartingWith("Welcome to ");
        user.send(name);
        user.expect("Password for " + name + ":");
        user.send(password);
        user.expectStartingWith("Hello " + name + "! ");
        return user;
    }

}
