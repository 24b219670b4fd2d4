package io.socketchat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.socketchat.support.LineClient;
import io.socketchat.support.ServerProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: an invitation-only chat from the console's
 * {@code invite} to a friend chatting, a restart, and then a search of everything the
 * server wrote (its output, its data directory) for the codes and passwords used.
 */
class InviteSessionIT {

    @TempDir
    Path dataDir;

    private final List<String> secrets = new ArrayList<>();

    @Test
    void fromInviteToChatAndBackAfterARestartWithNoSecretWrittenAnywhere() throws IOException {
        List<String> output = new ArrayList<>();
        try (ServerProcess server = ServerProcess.startOnTerminal("--chat.accounts.mode=invite",
                "--chat.data-dir=" + dataDir, "--chat.history-size=0", "--logging.level.io.socketchat=DEBUG")) {
            server.type("invite alice");
            Matcher invite = server.awaitOutput(Pattern
                .compile("Invite code for alice: (\\S+) \\(valid 24 h\\)\\. They join as alice and enter it once\\."));
            String code = remember(invite.group(1));
            remember(code.replace("-", ""));

            LineClient guess = LineClient.connect(server.tcpPort());
            guess.expectStartingWith("Welcome to ");
            guess.send("alice");
            guess.expect("Invite code for alice:");
            guess.send(remember("zzzz-wrong-code"));
            guess.expect("! Wrong invite code for alice.");
            guess.expectClosed();

            LineClient alice = LineClient.connect(server.tcpPort());
            alice.expect("Welcome to Socket Chat! Enter your username:");
            alice.send("alice");
            alice.expect("Invite code for alice:");
            alice.send(code);
            alice.expect("Choose a password (at least 8 characters):");
            alice.send(remember("tiny7"));
            alice.expect("! At least 8 characters. Choose a password (at least 8 characters):");
            alice.send(remember("tea at five, not four"));
            alice.expect("Repeat the password:");
            alice.send(remember("tea at five, not 4"));
            alice.expect("! The passwords differ. Choose a password (at least 8 characters):");
            alice.send("tea at five, not four");
            alice.expect("Repeat the password:");
            alice.send("tea at five, not four");
            alice.expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
            server.type("say welcome, alice");
            alice.expect("Server: welcome, alice");
            alice.send("/password");
            alice.expect("Current password:");
            alice.send(remember("wrong current password"));
            alice.expect("! Wrong password.");
            server.type("accounts");
            server.awaitOutput("1 account:");
            server.awaitOutput("  alice  registered ");

            server.type("shutdown");
            alice.expect("* Server is shutting down.");
            assertThat(server.awaitExit()).isZero();
            output.addAll(server.output());
        }

        try (ServerProcess again = ServerProcess.start("--chat.accounts.mode=invite", "--chat.data-dir=" + dataDir,
                "--chat.history-size=0", "--logging.level.io.socketchat=DEBUG")) {
            LineClient wrong = LineClient.connect(again.tcpPort());
            wrong.expectStartingWith("Welcome to ");
            wrong.send("alice");
            wrong.expect("Password for alice:");
            wrong.send(remember("tea at four"));
            wrong.expect("! Wrong password for alice.");
            wrong.expectClosed();

            LineClient alice = LineClient.connect(again.tcpPort());
            alice.expectStartingWith("Welcome to ");
            alice.send("alice");
            alice.expect("Password for alice:");
            alice.send("tea at five, not four");
            alice.expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
            again.terminate();
            alice.expect("* Server is shutting down.");
            again.awaitExit();
            output.addAll(again.output());
        }
        remember("tea at five, not four");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        Path file = dataDir.resolve("accounts.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String written = String.join("\n", output);
        assertThat(written).contains("Invite code for alice:");
        List<String> everything = new ArrayList<>(List.of(written));
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                everything.add(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
                everything.add(Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        assertThat(everything.get(everything.size() - 1)).contains("$argon2id$");
        for (String secret : secrets) {
            // the code itself is printed once, to the admin, by the invite command
            List<String> found = everything.stream()
                .flatMap(String::lines)
                .filter(line -> line.contains(secret))
                .filter(line -> !line.contains("Invite code for alice: " + secrets.get(0) + " (valid 24 h)"))
                .toList();
            assertThat(found).as("lines with \"%s\"", secret).isEmpty();
        }
    }

    @Test
    void aDamagedAccountsFileStopsTheStartWithAClearMessage() throws IOException {
        Files.writeString(dataDir.resolve("accounts.json"), "{\"version\":1,\"accounts\":[{\"name\":");
        try (ServerProcess server = ServerProcess.startExpectingFailure("--chat.accounts.mode=invite",
                "--chat.data-dir=" + dataDir)) {
            assertThat(server.awaitExit()).isNotZero();
            server.awaitOutput("The accounts file " + dataDir.resolve("accounts.json") + " is damaged");
            server.awaitOutput("restore the file from a backup, or move it away");
            assertThat(server.output()).noneMatch(line -> line.contains("Chat server listening"));
        }
    }

    private String remember(String secret) {
        secrets.add(secret);
        return secret;
    }

}
