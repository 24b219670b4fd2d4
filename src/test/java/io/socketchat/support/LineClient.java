package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A chat user as {@code nc} is one: a plain socket on loopback, lines out, lines in.
 * Every read has a deadline; nothing waits by sleeping.
 */
public final class LineClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    private final byte[] buffer = new byte[8192];

    private int position;

    private int limit;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static LineClient connect(int port) {
        return connect(port, 0);
    }

    /**
     * @param receiveBuffer SO_RCVBUF to ask for, 0 for the default
     */
    public static LineClient connect(int port, int receiveBuffer) {
        return connect(null, port, receiveBuffer);
    }

    /**
     * A connection whose socket is bound to a loopback address of its own, e.g.
     * 127.0.0.2.
     */
    public static LineClient connectFrom(String localAddress, int port) {
        return connect(localAddress, port, 0);
    }

    private static LineClient connect(String localAddress, int port, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return new LineClient(socket);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot connect to 127.0.0.1:" + port, ex);
        }
    }

    /** A client over a socket already connected (e.g. a TLS one). */
    public static LineClient over(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            return new LineClient(socket);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot use " + socket, ex);
        }
    }

    public Socket socket() {
        return socket;
    }

    public LineClient send(String line) {
        return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public LineClient sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Send failed", ex);
        }
    }

    /** The next line, or fails when none arrives in time. */
    public String nextLine() {
        return nextLine(TIMEOUT);
    }

    public String nextLine(Duration timeout) {
        String line = readLine(timeout);
        if (line == null) {
            fail("Connection closed while a line was expected");
        }
        return line;
    }

    public LineClient expect(String line) {
        assertThat(nextLine()).isEqualTo(line);
        return this;
    }

    public LineClient expectStartingWith(String prefix) {
        assertThat(nextLine()).startsWith(prefix);
        return this;
    }

    /** Skips lines until one equals {@code line}; fails if it does not come in time. */
    public LineClient skipUntil(String line) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (line.equals(nextLine())) {
                return this;
            }
        }
        return fail("\"" + line + "\" did not arrive");
    }

    /** The server closes the connection, after any lines still on their way. */
    public void expectClosed() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = readLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (line == null) {
                return;
            }
        }
        fail("The connection stayed open");
    }

    /** Reads the next line; null when the connection closed; fails on timeout. */
    private String readLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                while (position < limit) {
                    byte b = buffer[position++];
                    if (b == '\n') {
                        String line = partial.toString(StandardCharsets.UTF_8);
                        partial.reset();
                        return line;
                    }
                    partial.write(b);
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return fail("No line within " + timeout.toMillis() + " ms (partial: \"" + partial + "\")");
                }
                socket.setSoTimeout((int) left);
                int read;
                try {
                    read = in.read(buffer);
                }
                catch (SocketTimeoutException ex) {
                    continue;
                }
                if (read < 0) {
                    return null;
                }
                position = 0;
                limit = read;
            }
        }
        catch (IOException ex) {
            // a reset counts as closed
            return null;
        }
    }

    /** Closes with a TCP reset, as a killed client's socket does. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Half-closes: no more lines from us, as {@code nc -q0} does at the end of its input.
     */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing is best effort
        }
    }

}
