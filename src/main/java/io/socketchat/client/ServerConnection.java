package io.socketchat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One TCP connection to the chat server, speaking its framing: UTF-8 text, one line per
 * LF.
 */
final class ServerConnection implements AutoCloseable {

    private final Socket socket;

    private final BufferedReader fromServer;

    private final Writer toServer;

    private ServerConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.fromServer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.toServer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ServerConnection open(ChatClientSettings settings) throws IOException {
        return open(settings.host(), settings.port(), settings.connectTimeout(),
                settings.tls() ? new ClientTls(settings.tlsTrust()) : null);
    }

    /**
     * @param tls null for plain TCP
     */
    static ServerConnection open(String host, int port, Duration timeout, ClientTls tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            // Chat lines are short and typed by people: send each one now, not with the
            // next.
            socket.setTcpNoDelay(true);
            return new ServerConnection(tls == null ? socket : tls.handshake(socket, host, timeout));
        }
        catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The next line from the server, or {@code null} once the server has closed the
     * connection.
     */
    String readLine() throws IOException {
        return fromServer.readLine();
    }

    /**
     * Sends one line; called from the input thread and, when leaving, from the main
     * thread.
     */
    synchronized void send(String line) throws IOException {
        toServer.write(line);
        toServer.write('\n');
        toServer.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException e) {
            // Already broken: nothing left to release.
        }
    }

}
