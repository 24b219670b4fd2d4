package io.socketchat.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;

/**
 * Spring Integration's NIO connection, with a send that never waits and memory cut to
 * what a chat needs, so that thousands of users fit on one core and in little memory.
 *
 * <ul>
 * <li>The stock {@code send} blocks while the client's socket buffer is full (holding the
 * connection's lock), and writes through a {@code BufferedOutputStream} as large as the
 * socket's send buffer (about 1.9 MB per connection on Linux loopback). Here every
 * payload is already a batch of whole lines from the user's outbox: {@code send} writes
 * what the socket takes now and keeps the rest as a backlog, which the {@link WriterLoop}
 * finishes when the socket is writable.</li>
 * <li>The stock connection reads into a 60 KB buffer of its own; chat lines are short, so
 * reads go through a small one. What it reads reaches the deserializer in whole chunks
 * ({@link ChunkPipe}), not a byte at a time.</li>
 * <li>The stock connection closes itself when the client half-closes
 * ({@code printf ... | nc -q1} sends its lines, then FIN, and still reads). Here the end
 * of the client's input only ends the input: the lines before it are handled, the answers
 * are written, then the chat closes the connection.</li>
 * </ul>
 * Only one writer loop thread writes to a connection at a time.
 */
class ChatNioConnection extends TcpNioConnection {

    static final int READ_BUFFER_BYTES = 2048;

    /**
     * Most that one read takes from the socket: a read that fills the connection's small
     * buffer goes on reading into its reading thread's buffer, so that a burst of lines
     * is one chunk, one message and one hand-off instead of one per 2 KB.
     */
    static final int CHUNK_BYTES = 16 * 1024;

    /** Per reading thread, so that no connection holds more than its small buffer. */
    private static final ThreadLocal<ByteBuffer> READ_ON = ThreadLocal
        .withInitial(() -> ByteBuffer.allocateDirect(CHUNK_BYTES - READ_BUFFER_BYTES));

    private static final byte[] CHUNK_TOKEN = { 1 };

    private final SocketChannel channel;

    private final ChunkPipe pipe;

    /**
     * Written by the writer loop only; read by others to tell a client that does not
     * read.
     */
    private volatile ByteBuffer backlog;

    private volatile boolean inputEnded;

    private volatile Runnable onInputEnded = () -> {
    };

    /** Set while this connection's (single) read task runs. */
    private boolean reading;

    /**
     * The headers of every batch written to this connection: its id (which the outbound
     * adapter finds it by), and no id or timestamp of a message's own.
     */
    private final MessageHeaders addressed;

    ChatNioConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
            ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
        super(socketChannel, server, lookupHost, applicationEventPublisher, connectionFactoryName);
        this.channel = socketChannel;
        this.pipe = new ChunkPipe(super.inputStream());
        this.addressed = new Addressed(getConnectionId());
    }

    MessageHeaders addressed() {
        return addressed;
    }

    private static final class Addressed extends MessageHeaders {

        Addressed(String connectionId) {
            super(Map.of(IpHeaders.CONNECTION_ID, connectionId), ID_VALUE_NONE, -1L);
        }

    }

    @Override
    protected InputStream inputStream() {
        return pipe;
    }

    /**
     * Keeps the chunk whole for the deserializer, with what else the socket holds now
     * when the read filled the buffer and the chat has taken every earlier chunk (a
     * connection the chat is behind on queues small chunks only); Spring Integration's
     * pipe carries its token.
     */
    @Override
    protected void sendToPipe(ByteBuffer rawBufferToSend) throws IOException {
        if (rawBufferToSend.remaining() < rawBufferToSend.capacity() || pipe.available() > 0) {
            pipeText(rawBufferToSend);
            return;
        }
        ByteBuffer more = readOn();
        byte[] chunk = new byte[rawBufferToSend.remaining() + more.remaining()];
        int first = rawBufferToSend.remaining();
        rawBufferToSend.get(chunk, 0, first);
        rawBufferToSend.clear();
        more.get(chunk, first, chunk.length - first);
        pipeChunk(chunk);
    }

    /** What the socket holds beyond a full read, up to {@link #CHUNK_BYTES} in all. */
    private ByteBuffer readOn() {
        ByteBuffer more = READ_ON.get();
        more.clear();
        try {
            while (more.hasRemaining() && channel.read(more) > 0) {
                // until the socket has nothing more now
            }
        }
        catch (IOException | RuntimeException ex) {
            // the connection's next read meets the same failure and ends it
        }
        more.flip();
        return more;
    }

    /** Pipes plain text as one chunk (the TLS connection's decrypted text too). */
    void pipeText(ByteBuffer plain) throws IOException {
        int length = plain.remaining();
        if (length == 0) {
            super.sendToPipe(plain);
            return;
        }
        byte[] chunk = new byte[length];
        plain.get(chunk);
        plain.clear();
        pipeChunk(chunk);
    }

    private void pipeChunk(byte[] chunk) throws IOException {
        pipe.arrived(chunk);
        super.sendToPipe(ByteBuffer.wrap(CHUNK_TOKEN));
    }

    /** What to do when the client has sent all it will send (FIN) but may still read. */
    void onInputEnded(Runnable action) {
        this.onInputEnded = action;
    }

    @Override
    public void readPacket() {
        if (inputEnded) {
            // the selector reports the ended input until the chat closes the connection
            return;
        }
        reading = true;
        try {
            super.readPacket();
        }
        finally {
            reading = false;
        }
    }

    /**
     * The stock read closes the connection at the end of the input; a half-closed client
     * still reads, so only the input is ended: the deserializer sees its end after the
     * lines already read.
     */
    @Override
    protected void closeConnection(boolean isException) {
        if (reading && !inputEnded && atEndOfInput()) {
            inputEnded = true;
            try {
                ((InputStream) getDeserializerStateKey()).close();
            }
            catch (IOException ignored) {
                // the pipe only marks its end
            }
            onInputEnded.run();
            return;
        }
        super.closeConnection(isException);
    }

    private boolean atEndOfInput() {
        try {
            return channel.read(ByteBuffer.allocate(1)) < 0;
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    @Override
    protected ByteBuffer allocate(int length) {
        return super.allocate(Math.min(length, READ_BUFFER_BYTES));
    }

    /**
     * Writes what the socket takes now; the rest waits in the backlog, copied: the
     * batch's buffer is its writer's, and holds the next batch soon.
     */
    @Override
    public void send(Message<?> message) {
        ByteBuffer buffer = payload(message);
        if (backlog != null) {
            throw new MessagingException(message, "Earlier bytes are still waiting for the client");
        }
        try {
            channel.write(buffer);
            if (buffer.hasRemaining()) {
                backlog = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
            }
        }
        catch (IOException | RuntimeException ex) {
            throw failed(new MessagingException(message, "Send Failed", ex));
        }
    }

    /** The bytes a batch's message carries, in a buffer of the writer loop's. */
    static ByteBuffer payload(Message<?> message) {
        if (message.getPayload() instanceof ByteBuffer buffer) {
            return buffer;
        }
        throw new MessagingException(message, "Chat payloads are byte buffers");
    }

    boolean hasBacklog() {
        return backlog != null;
    }

    /**
     * @return true when the backlog is written; false when the socket is full again
     */
    boolean writeBacklog() {
        try {
            channel.write(backlog);
        }
        catch (IOException | RuntimeException ex) {
            throw failed(new MessagingException("Send Failed", ex));
        }
        if (backlog.hasRemaining()) {
            return false;
        }
        backlog = null;
        return true;
    }

    SocketChannel channel() {
        return channel;
    }

    /**
     * True while the backlog waits on the client's side of a TLS handshake, not on socket
     * space.
     */
    boolean awaitsPeer() {
        return false;
    }

    /**
     * Runs {@code resume} once the backlog no longer waits on the client's handshake (at
     * once if it does not).
     */
    void whenPeerAnswers(Runnable resume) {
        resume.run();
    }

    MessagingException failed(MessagingException failure) {
        publishConnectionExceptionEvent(failure);
        closeConnection(true);
        return failure;
    }

}
