package io.socketchat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.LineClient;

/**
 * A chat user over the page's WebSocket, as a script would be one: text frames out, text
 * frames in, each frame a line. It can stop reading (requests no more frames), so the
 * server's socket to it fills up as it does for a browser tab that hangs.
 */
public final class WebSocketUser implements AutoCloseable, WebSocket.Listener {

    static final Duration TIMEOUT = LineClient.TIMEOUT;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private final StringBuilder partial = new StringBuilder();

    private volatile boolean reading = true;

    private WebSocket socket;

    private WebSocketUser() {
    }

    static WebSocketUser connect(int httpPort) {
        return connect(httpPort, null);
    }

    /**
     * @param origin the Origin header to send, as a browser would; null sends none
     */
    static WebSocketUser connect(int httpPort, String origin) {
        WebSocketUser user = new WebSocketUser();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        user.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/chat"), user)
            .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .join();
        return user;
    }

    /** Joins with a name: welcome read, name sent, Hello line read. */
    public static WebSocketUser join(int httpPort, String name) {
        WebSocketUser user = connect(httpPort);
        user.expectStartingWith("Welcome to ");
        user.send(name);
        user.expectStartingWith("Hello " + name + "! ");
        return user;
    }

    public WebSocketUser send(String line) {
        socket.sendText(line, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return this;
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public String nextLine() {
        try {
            String line = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                return fail("No frame within " + TIMEOUT.toMillis() + " ms" + (closed.isDone() ? " (closed)" : ""));
            }
            return line;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("Interrupted");
        }
    }

    public WebSocketUser expect(String line) {
        assertThat(nextLine()).isEqualTo(line);
        return this;
    }

    public WebSocketUser expectStartingWith(String prefix) {
        assertThat(nextLine()).startsWith(prefix);
        return this;
    }

    /** The server closes the WebSocket; returns its status code. */
    public int expectClosed() {
        return closed.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * Requests no more frames: the server's writes pile up in the sockets, then in its
     * queue.
     */
    void stopReading() {
        reading = false;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            lines.add(partial.toString());
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        socket.abort();
    }

}
