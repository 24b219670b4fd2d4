package io.socketchat.support;

import static org.awaitility.Awaitility.await;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.socketchat.room.ChatRoom;
import io.socketchat.start.ServerStart;
import io.socketchat.server.ListenerPort;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/** The chat server, started in this JVM on free ports, closed by the test. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final List<LineClient> clients = new ArrayList<>();

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Every test client comes from 127.0.0.1, so the limits per address are off unless a
     * test sets {@code --chat.max-connections-per-address}.
     */
    public static RunningServer start(String... args) {
        List<String> all = new ArrayList<>();
        // a test's own value of a key replaces the default (the command line would join
        // both)
        for (String fallback : List.of("--chat.port=0", "--server.port=0", "--chat.bind-address=127.0.0.1",
                "--chat.console.enabled=false", "--logging.level.root=WARN", "--chat.max-connections-per-address=0")) {
            String key = fallback.substring(0, fallback.indexOf('=') + 1);
            if (Stream.of(args).noneMatch(arg -> arg.startsWith(key))) {
                all.add(fallback);
            }
        }
        all.addAll(List.of(args));
        return new RunningServer(ServerStart.run(all.toArray(String[]::new)));
    }

    public int port() {
        return context.getBean("chatConnectionFactory", AbstractServerConnectionFactory.class).getPort();
    }

    /** The TLS port ({@code chat.tls.port}), as the system gave it. */
    public int tlsPort() {
        return ListenerPort.of(context.getBean(ListenerPort.TLS_LISTENER, AbstractServerConnectionFactory.class));
    }

    /** A TLS connection that trusts the given certificates; nothing read yet. */
    public LineClient connectTls(X509Certificate... trusted) {
        LineClient client = LineClient.over(TlsFixture.connect(tlsPort(), 0, trusted));
        clients.add(client);
        return client;
    }

    /**
     * A TLS connection with a small receive buffer (SO_RCVBUF), for clients that stop
     * reading.
     */
    public LineClient connectTlsRaw(int receiveBuffer, X509Certificate... trusted) {
        LineClient client = LineClient.over(TlsFixture.connect(tlsPort(), receiveBuffer, trusted));
        clients.add(client);
        return client;
    }

    /** The IRC port ({@code chat.irc.port}), as the system gave it. */
    public int ircPort() {
        return ListenerPort.of(context.getBean("ircConnectionFactory", AbstractServerConnectionFactory.class));
    }

    /** The IRC TLS port ({@code chat.irc.tls-port}), as the system gave it. */
    public int ircTlsPort() {
        return ListenerPort.of(context.getBean("ircTlsConnectionFactory", AbstractServerConnectionFactory.class));
    }

    /** A connection to the IRC port; nothing sent yet. */
    public IrcUser connectIrc() {
        LineClient client = LineClient.connect(ircPort());
        clients.add(client);
        return new IrcUser(client);
    }

    /**
     * A connection to the IRC port with a small receive buffer, for one that stops
     * reading.
     */
    public IrcUser connectIrcRaw(int receiveBuffer) {
        LineClient client = LineClient.connect(ircPort(), receiveBuffer);
        clients.add(client);
        return new IrcUser(client);
    }

    /** A connection to the IRC port from another loopback address; nothing sent yet. */
    public IrcUser connectIrcFrom(String localAddress) {
        LineClient client = LineClient.connectFrom(localAddress, ircPort());
        clients.add(client);
        return new IrcUser(client);
    }

    /**
     * An IRC client registered as {@code nick}, welcome burst read, not in the channel.
     */
    public IrcUser registerIrc(String nick) {
        return connectIrc().register(nick);
    }

    /** An IRC client in the room's channel, its names read. */
    public IrcUser joinIrc(String nick) {
        return registerIrc(nick).joinChannel();
    }

    public int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Waits until nobody is in the room (on any node): a closed client leaves once the
     * server has noticed, which for an aborted connection can trail the close.
     */
    public void awaitEmptyRoom() {
        ChatRoom room = bean(ChatRoom.class);
        await().atMost(LineClient.TIMEOUT).until(() -> room.size() == 0);
    }

    /** A connection that has read the welcome line. */
    public LineClient connect() {
        LineClient client = LineClient.connect(port());
        clients.add(client);
        return client;
    }

    /**
     * A connection from another loopback address, e.g. 127.0.0.2 (all of 127/8 is
     * loopback on Linux).
     */
    public LineClient connectFrom(String localAddress) {
        LineClient client = LineClient.connectFrom(localAddress, port());
        clients.add(client);
        return client;
    }

    /** A user in the chat, connected from another loopback address. */
    public LineClient joinFrom(String localAddress, String name) {
        LineClient client = connectFrom(localAddress);
        client.expectStartingWith("Welcome to ");
        client.send(name);
        client.expectStartingWith("Hello " + name + "! ");
        return client;
    }

    public LineClient connectRaw(int receiveBuffer) {
        LineClient client = LineClient.connect(port(), receiveBuffer);
        clients.add(client);
        return client;
    }

    /** A user in the chat: welcome read, name sent, Hello line (and any history) read. */
    public LineClient join(String name) {
        LineClient client = connect();
        client.expectStartingWith("Welcome to ");
        client.send(name);
        client.expectStartingWith("Hello " + name + "! ");
        return client;
    }

    @Override
    public void close() {
        clients.forEach(LineClient::close);
        ServerStart.whole(context).close();
    }

}
