package io.socketchat.support;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Redis as an operator runs it for failover, from Debian's {@code redis-server} alone: a
 * primary, a replica and three sentinels (quorum 2, {@code down-after-milliseconds} 1000,
 * {@code failover-timeout} 3000) on free loopback ports, each from a config file written
 * afresh under target/redis/, since sentinels and a promoted replica rewrite theirs.
 * Started before each test (ready once the replica is in sync and every sentinel knows
 * the replica and the two other sentinels) and stopped after it. A machine without
 * redis-server fails these tests: they are never skipped.
 */
public final class RedisSentinelGroup implements BeforeEachCallback, AfterEachCallback {

    /** The name the sentinels know the primary by. */
    public static final String MASTER = "room";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<Process> processes = new ArrayList<>();

    private final List<Integer> sentinelPorts = new ArrayList<>();

    private Process primary;

    private Process replica;

    private int primaryPort;

    private int replicaPort;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Path dir = Path.of("target", "redis", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        deleteAll(dir);
        primaryPort = freePort();
        replicaPort = freePort();
        primary = start(dir.resolve("primary"), "redis.conf", dataNode(primaryPort, ""), false);
        replica = start(dir.resolve("replica"), "redis.conf",
                dataNode(replicaPort, "replicaof 127.0.0.1 " + primaryPort + "\n"), false);
        for (int i = 1; i <= 3; i++) {
            int port = freePort();
            sentinelPorts.add(port);
            start(dir.resolve("s" + i), "sentinel.conf", sentinel(port), true);
        }
        await().atMost(READY_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> info(replicaPort).contains("master_link_status:up") && sentinelsReady());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (Process process : processes) {
            if (process.isAlive()) {
                signal(process, "-CONT");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        processes.clear();
        sentinelPorts.clear();
    }

    /** For {@code spring.data.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return sentinelPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** SIGKILL to the primary: gone without a word, as a crashed host. */
    public void killPrimary() {
        primary.destroyForcibly();
        try {
            primary.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP the replica: it takes nothing more from the primary until resumed. */
    public void pauseReplica() {
        signal(replica, "-STOP");
        // and the primary stops sending to it at once, rather than after its timeout
        command(primaryPort, "CLIENT", "KILL", "TYPE", "replica");
    }

    public void resumeReplica() {
        signal(replica, "-CONT");
    }

    /** The port of the primary the sentinels name now. */
    public int namedPrimaryPort() {
        List<String> address = command(sentinelPorts.get(0), "SENTINEL", "get-master-addr-by-name", MASTER);
        return Integer.parseInt(address.get(1));
    }

    /** One command over RESP; the answer flattened (nested arrays too). */
    public static List<String> command(int port, String... words) {
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
            List<String> answer = new ArrayList<>();
            read(new BufferedInputStream(socket.getInputStream()), answer);
            return answer;
        }
        catch (IOException ex) {
            return List.of("-ERR " + ex.getMessage());
        }
    }

    private static void read(InputStream in, List<String> answer) throws IOException {
        String line = readLine(in);
        switch (line.isEmpty() ? ' ' : line.charAt(0)) {
            case '*' -> {
                int count = Integer.parseInt(line.substring(1));
                for (int i = 0; i < count; i++) {
                    read(in, answer);
                }
            }
            case '$' -> {
                int length = Integer.parseInt(line.substring(1));
                if (length >= 0) {
                    answer.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                    in.readNBytes(2);
                }
                else {
                    answer.add(null);
                }
            }
            default -> answer.add(line);
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

    private static String info(int port) {
        return String.join("\n", command(port, "INFO", "replication"));
    }

    private boolean sentinelsReady() {
        for (int port : sentinelPorts) {
            List<String> master = command(port, "SENTINEL", "MASTER", MASTER);
            if (!"1".equals(field(master, "num-slaves")) || !"2".equals(field(master, "num-other-sentinels"))) {
                return false;
            }
        }
        return true;
    }

    private static String field(List<String> pairs, String name) {
        int at = pairs.indexOf(name);
        return at >= 0 && at + 1 < pairs.size() ? pairs.get(at + 1) : null;
    }

    private static String dataNode(int port, String more) {
        return "port " + port + "\nbind 127.0.0.1\nappendonly yes\nappendfsync everysec\nsave \"\"\n" + more;
    }

    private static String sentinel(int port) {
        return "port " + port + "\nbind 127.0.0.1\n" + "sentinel monitor " + MASTER + " 127.0.0.1 " + "%PRIMARY%"
                + " 2\n" + "sentinel down-after-milliseconds " + MASTER + " 1000\n" + "sentinel failover-timeout "
                + MASTER + " 3000\n" + "sentinel parallel-syncs " + MASTER + " 1\n";
    }

    private Process start(Path dir, String file, String config, boolean sentinel) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve(file);
        Files.writeString(conf, config.replace("%PRIMARY%", String.valueOf(primaryPort)) + "dir " + dir + "\n");
        File binary = new File("/usr/bin/redis-server");
        String executable = binary.canExecute() ? binary.getPath() : "redis-server";
        List<String> command = new ArrayList<>(List.of(executable, conf.toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
            processes.add(process);
            return process;
        }
        catch (IOException ex) {
            return fail("redis-server is needed for the failover tests and could not be started"
                    + " (install the Debian package redis-server): " + ex.getMessage());
        }
    }

    private static void signal(Process process, String signal) {
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

    private static void deleteAll(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
