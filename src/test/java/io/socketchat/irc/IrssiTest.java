package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Debian's irssi, in a tmux terminal, joins the room's channel: it sees a line user's
 * line, and its own line reaches that user. irssi gets a home of its own under target/,
 * with no server but the one it is told to connect to on loopback. Without irssi or tmux
 * the test fails: {@code .ci/run} installs them.
 */
class IrssiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @AutoClose
    private RunningServer server;

    private final String tmuxSocket = "irssi-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @AfterEach
    void stopTerminal() throws Exception {
        run("tmux", "-L", tmuxSocket, "kill-server");
    }

    @Test
    void irssiJoinsTheChannelAndChatsWithALineUser() throws Exception {
        assertThat(installed("irssi")).as("irssi is installed (apt-get install irssi)").isTrue();
        assertThat(installed("tmux")).as("tmux is installed (apt-get install tmux)").isTrue();
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0");
        LineClient alice = server.join("alice");

        Path home = Files.createDirectories(Path.of("target", "irssi", tmuxSocket)).toAbsolutePath();
        Files.writeString(home.resolve("config"), """
                settings = {
                  core = { real_name = "Irc Fan"; user_name = "ircfan"; nick = "ircfan"; settings_autosave = "no"; };
                };
                """);
        run("tmux", "-L", tmuxSocket, "new-session", "-d", "-s", "irc", "-x", "150", "-y", "45", "env", "HOME=" + home,
                "TERM=screen", "irssi", "--home=" + home, "-n", "ircfan");
        awaitScreen("Irssi v");
        type("/connect 127.0.0.1 " + server.ircPort());
        awaitScreen("End of /MOTD command.");
        type("/join #chat");
        alice.expect("* ircfan joined the chat");
        awaitScreen("has joined #chat");

        alice.send("hello from nc");
        awaitScreen("< alice> hello from nc");
        type("hi alice");
        alice.expect("ircfan: hi alice");
        type("/me waves");
        alice.expect("* ircfan waves");
        type("/quit bye");
        alice.expect("* ircfan left the chat");
    }

    private void type(String line) throws Exception {
        run("tmux", "-L", tmuxSocket, "send-keys", "-t", "irc", "-l", line);
        run("tmux", "-L", tmuxSocket, "send-keys", "-t", "irc", "Enter");
    }

    /** Looks at the screen until the text is on it, for at most {@link #WAIT}. */
    private String awaitScreen(String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = run("tmux", "-L", tmuxSocket, "capture-pane", "-p", "-t", "irc");
            if (screen.contains(text)) {
                return screen;
            }
            // a terminal has no event to wait for: look again shortly
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return fail("\"" + text + "\" not on irssi's screen within " + WAIT.toSeconds() + " s:\n" + screen);
    }

    private static boolean installed(String program) throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return output;
    }

}
