package io.socketchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.socketchat.SocketChatApplication;
import io.socketchat.support.LineClient;

/**
 * The jar's client as a user runs it from a script: a process of its own, its standard
 * input given whole, its output and exit status read once it has ended by itself.
 */
record ClientRun(int status, List<String> out, List<String> err) {

    static ClientRun run(Path workDir, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), SocketChatApplication.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process process = builder.start();
        try {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client exits by itself").isTrue();
            return new ClientRun(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
        }
        finally {
            process.destroyForcibly();
        }
    }

    /**
     * alice joined, said {@code text} and left, as bob saw it; the client printed only
     * the chat and ended with status 0.
     */
    void chattedWith(LineClient bob, String text) {
        bob.expect("* alice joined the chat");
        bob.expect("alice: " + text);
        bob.expect("* alice left the chat");
        assertThat(out).containsExactly("Welcome to Socket Chat! Enter your username:",
                "Hello alice! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        assertThat(err).isEmpty();
        assertThat(status).isZero();
    }

}
