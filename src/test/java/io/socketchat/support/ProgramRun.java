package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.socketchat.SocketChatApplication;

/**
 * One of the jar's programs as a user starts it, in a JVM of its own: the main class with
 * the given arguments (or the packaged jar, {@link #jar}), no terminal, in a working
 * directory of the test's, run until it ends by itself. Its standard output and error,
 * together, and its exit status are what the test sees.
 */
public record ProgramRun(int status, List<String> output) {

    private static final int TIMEOUT_SECONDS = 90;

    /** The main class on the test's class path. */
    public static ProgramRun main(Path workDir, String... args) {
        return run(workDir,
                List.of("-cp", System.getProperty("java.class.path"), SocketChatApplication.class.getName()), args);
    }

    /** {@code java -jar target/socket-chat.jar}, as packaged. */
    public static ProgramRun jar(Path workDir, String... args) {
        Path jar = Path.of("target", "socket-chat.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (./mvnw verify packages it before these tests)").isRegularFile();
        return run(workDir, List.of("-jar", jar.toString()), args);
    }

    private static ProgramRun run(Path workDir, List<String> launch, String... args) {
        // C1 only and the serial collector: a program that ends during start-up is up to
        // a
        // third quicker, and what it prints is the same
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"));
        command.addAll(launch);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path output = Files.createTempFile(workDir, "output", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
            builder.environment().remove("SPRING_PROFILES_ACTIVE");
            Process process = builder.start();
            try {
                assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("%s ends by itself; it printed:%n%s", command, String.join("\n", Files.readAllLines(output)))
                    .isTrue();
                return new ProgramRun(process.exitValue(), Files.readAllLines(output));
            }
            finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /**
     * Asserts that the program ended with Spring Boot's failure report, with exactly this
     * description and action, status 1, and no stack trace anywhere in its output.
     */
    public void failedWithReport(String description, String action) {
        String all = String.join("\n", output);
        int report = output.indexOf("APPLICATION FAILED TO START");
        assertThat(report).as("Boot's failure report in:%n%s", all).isNotNegative();
        assertThat(paragraphAfter("Description:")).as("the description in:%n%s", all).isEqualTo(description);
        assertThat(paragraphAfter("Action:")).as("the action in:%n%s", all).isEqualTo(action);
        assertThat(output).as("no stack trace").noneMatch(line -> line.matches("\\s+at \\S+\\(.*\\)"));
        assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("Caused by:"));
        assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("Exception in thread"));
        assertThat(status).as("exit status; output:%n%s", all).isEqualTo(1);
    }

    /** The lines between a heading of the report and the next blank line, joined. */
    private String paragraphAfter(String heading) {
        int at = output.lastIndexOf(heading);
        if (at < 0) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        int i = at + 1;
        while (i < output.size() && output.get(i).isBlank()) {
            i++;
        }
        for (; i < output.size() && !output.get(i).isBlank(); i++) {
            lines.add(output.get(i));
        }
        return String.join("\n", lines);
    }

}
