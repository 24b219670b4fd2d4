package io.socketchat.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as an operator runs it: in its own process, optionally on a pseudo
 * terminal (through {@code script}) so that the admin console starts. Output is collected
 * for the test to wait on; the process is killed at the end if it is still running.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Path JAR = Path.of("target", "socket-chat.jar");

    private final Process process;

    private final OutputStream input;

    private final List<String> output = new ArrayList<>();

    private int tcpPort;

    private int httpPort;

    private ServerProcess(Process process) {
        this.process = process;
        this.input = process.getOutputStream();
        Thread reader = new Thread(this::collectOutput, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar with standard input a pipe (no terminal): no console. */
    public static ServerProcess start(String... args) {
        return launch(command(args), false);
    }

    /**
     * Starts the jar without waiting for it to listen: for a start that is expected to
     * fail.
     */
    public static ServerProcess startExpectingFailure(String... args) {
        try {
            return new ServerProcess(new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start());
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start the server", ex);
        }
    }

    /** Starts the jar on a pseudo terminal, so the admin console runs. */
    public static ServerProcess startOnTerminal(String... args) {
        return launch(List.of("script", "-qfec", String.join(" ", command(args)), "/dev/null"), true);
    }

    private static List<String> command(String... args) {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: run ./mvnw verify (it packages the jar before these tests)");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                        "--chat.port=0", "--server.port=0", "--chat.bind-address=127.0.0.1"));
        command.addAll(List.of(args));
        return command;
    }

    private static ServerProcess launch(List<String> command, boolean terminal) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (!terminal) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            ServerProcess server = new ServerProcess(builder.start());
            Matcher tcp = server.awaitOutput(Pattern.compile("Chat server listening on [^:]+:(\\d+)"));
            server.tcpPort = Integer.parseInt(tcp.group(1));
            Matcher http = server.awaitOutput(Pattern.compile("Tomcat started on port (\\d+)"));
            server.httpPort = Integer.parseInt(http.group(1));
            server.awaitOutput(Pattern.compile("Started SocketChatApplication"));
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start " + command, ex);
        }
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        }
        catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits for an output line matching the pattern (anywhere in the line). */
    public Matcher awaitOutput(Pattern pattern) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int seen = 0;
        synchronized (output) {
            while (true) {
                for (; seen < output.size(); seen++) {
                    Matcher matcher = pattern.matcher(output.get(seen));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return fail("No output matching " + pattern + " in:\n" + String.join("\n", output));
                }
                try {
                    output.wait(left);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return fail("Interrupted");
                }
            }
        }
    }

    public Matcher awaitOutput(String literal) {
        return awaitOutput(Pattern.compile(Pattern.quote(literal)));
    }

    /** Everything the server printed so far, one line each. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Types a line at the console. */
    public void type(String line) {
        typeRaw(line + "\r");
    }

    public void typeRaw(String keys) {
        try {
            input.write(keys.getBytes(StandardCharsets.UTF_8));
            input.flush();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as a service manager sends it. */
    public void terminate() {
        process.destroy();
    }

    public int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("The server did not exit within " + TIMEOUT.toSeconds() + " s");
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("Interrupted");
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

}
