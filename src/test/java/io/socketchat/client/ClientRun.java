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

}
