package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An IRC client on a raw socket, as a test drives it: lines go out with CRLF, lines come
 * in without it (a line that arrives without its CR fails the test).
 */
public final class IrcUser implements AutoCloseable {

    private final LineClient client;

    private String nick;

    public IrcUser(LineClient client) {
        this.client = client;
    }

    public LineClient client() {
        return client;
    }

    public String nick() {
        return nick;
    }

    public IrcUser send(String line) {
        client.sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public IrcUser sendRaw(byte[] bytes) {
        client.sendRaw(bytes);
        return this;
    }

    /** The next line, its CRLF checked and removed. */
    public String nextLine() {
        String line = client.nextLine();
        assertThat(line).as("every server line ends with CRLF").endsWith("\r");
        assertThat(line.getBytes(StandardCharsets.UTF_8).length + 1).as("line length with CRLF")
            .isLessThanOrEqualTo(512);
        return line.substring(0, line.length() - 1);
    }

    public IrcUser expect(String line) {
        assertThat(nextLine()).isEqualTo(line);
        return this;
    }

    public IrcUser expectStartingWith(String prefix) {
        assertThat(nextLine()).startsWith(prefix);
        return this;
    }

    /** The next line's command or numeric (the word after the prefix). */
    public String expectCommand(String command) {
        String line = nextLine();
        assertThat(line.split(" ")[1]).as(line).isEqualTo(command);
        return line;
    }

    /** Skips lines until one equals {@code line}. */
    public IrcUser skipUntil(String line) {
        for (int i = 0; i < 200; i++) {
            if (nextLine().equals(line)) {
                return this;
            }
        }
        return fail("\"" + line + "\" did not arrive");
    }

    /** Lines up to and including the first whose command is {@code command}. */
    public List<String> linesUntilCommand(String command) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String line = nextLine();
            lines.add(line);
            if (line.split(" ").length > 1 && line.split(" ")[1].equals(command)) {
                return lines;
            }
        }
        return fail(command + " did not arrive");
    }

    /** NICK and USER, then the welcome burst up to the end of the MOTD. */
    public IrcUser register(String nick) {
        this.nick = nick;
        send("NICK " + nick).send("USER " + nick + " 0 * :" + nick + " the tester");
        List<String> burst = linesUntilCommand("376");
        assertThat(burst.get(0)).contains(" 001 " + nick + " ");
        return this;
    }

    /** JOIN, up to the end of the names. */
    public IrcUser joinChannel() {
        send("JOIN #chat");
        expect(":" + nick + "!" + nick + "@chat/user JOIN #chat");
        linesUntilCommand("366");
        return this;
    }

    public void expectClosed() {
        client.expectClosed();
    }

    @Override
    public void close() {
        client.close();
    }

}
