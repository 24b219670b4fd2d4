package io.socketchat.support;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for the tests of a class, on a free port, with its
 * append-only file under target/ (so it keeps the room across its own restart); emptied
 * before each test, stopped after the last. A machine without redis-server fails these
 * tests: they are never skipped. Register with
 * {@code @RegisterExtension static final RedisServer redis = new RedisServer();}.
 */
public final class RedisServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private int port;

    private Path dir;

    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        port = freePort();
        dir = Files.createDirectories(Path.of("target", "redis", context.getRequiredTestClass().getSimpleName()));
        try (var files = Files.list(dir)) {
            files.forEach(file -> file.toFile().delete());
        }
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (process == null || !process.isAlive()) {
            start();
        }
        command("FLUSHALL");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            resume();
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Starts redis-server (again, on the same port and files) and waits until it answers.
     */
    public void start() {
        File binary = new File("/usr/bin/redis-server");
        String executable = binary.canExecute() ? binary.getPath() : "redis-server";
        try {
            process = new ProcessBuilder(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save",
                    "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir.toAbsolutePath().toString(),
                    "--daemonize", "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        }
        catch (IOException ex) {
            fail("redis-server is needed for the cluster tests and could not be started"
                    + " (install the Debian package redis-server): " + ex.getMessage());
        }
        await().atMost(START_TIMEOUT)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> "+PONG".equals(tryCommand("PING")));
    }

    /** SIGTERM, and waits for the exit (the append-only file is complete). */
    public void stop() {
        resume();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                fail("redis-server did not stop");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: Redis holds every connection and answers nothing. */
    public void pause() {
        signal("-STOP");
    }

    /** SIGCONT. */
    public void resume() {
        if (process != null && process.isAlive()) {
            signal("-CONT");
        }
    }

    /**
     * One command over RESP; the answer's first line, or the value of a bulk string
     * answer.
     */
    public String command(String... words) {
        String answer = tryCommand(words);
        if (answer == null) {
            fail("Redis on port " + port + " does not answer " + List.of(words));
        }
        return answer;
    }

    private String tryCommand(String... words) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$')
                    .append(word.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readLine(in);
            return first.startsWith("$") && !first.equals("$-1") ? readLine(in) : first;
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                fail("kill " + signal + " failed");
            }
        }
        catch (IOException ex) {
            fail("kill " + signal + " failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
