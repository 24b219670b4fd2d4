package io.socketchat.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * The chat's connection over TLS: the same never-waiting send as
 * {@link ChatNioConnection}, with an {@link SSLEngine} between the lines and the socket.
 *
 * <p>
 * Spring Integration's {@code TcpNioSSLConnection} writes on the caller's thread and,
 * while handshaking, makes the writer wait for the client's answer. Here nothing waits:
 * the writer loop's batch is kept as plain text until the handshake allows it to be
 * wrapped; encrypted bytes the socket does not take stay in one record-sized buffer.
 * {@link #hasBacklog()} is true while either holds bytes, so a client that does not read
 * is dropped exactly like a plain one. The read side unwraps what arrives (answering the
 * handshake itself) and hands plain text to the usual pipe. The engine is used under one
 * lock, never held while anything can block.
 */
final class ChatTlsConnection extends ChatNioConnection {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SSLEngine engine;

    private final ReentrantLock lock = new ReentrantLock();

    /** Plain text given by the writer loop, not yet wrapped; guarded by lock. */
    private ByteBuffer plainOut;

    /** Encrypted bytes not yet taken by the socket (write mode); guarded by lock. */
    private ByteBuffer netOut;

    /**
     * What the writer loop runs once the client's handshake answer lets it go on; guarded
     * by lock.
     */
    private Runnable resumeWriter;

    private volatile boolean backlogged;

    /** Only the (single) read task of this connection uses it. */
    private ByteBuffer plainIn;

    ChatTlsConnection(SocketChannel socketChannel, ApplicationEventPublisher publisher, String factoryName,
            SSLEngine engine) throws SSLException {
        super(socketChannel, true, false, publisher, factoryName);
        this.engine = engine;
        engine.setUseClientMode(false);
        SSLSession session = engine.getSession();
        this.netOut = ByteBuffer.allocate(session.getPacketBufferSize());
        this.plainIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        engine.beginHandshake();
    }

    @Override
    public SSLSession getSslSession() {
        return engine.getSession();
    }

    /** Whole TLS records must fit in the read buffer. */
    @Override
    protected ByteBuffer allocate(int length) {
        return ByteBuffer.allocate(Math.max(length, engine.getSession().getPacketBufferSize()));
    }

    /**
     * Decrypts what the client sent, answers the handshake, and pipes the plain text on.
     */
    @Override
    protected void sendToPipe(ByteBuffer network) throws IOException {
        try {
            int stalls = 0;
            while (true) {
                SSLEngineResult result = unwrap(network);
                if (result.bytesProduced() > 0) {
                    // outside the lock: the pipe may wait while the chat is behind
                    // (backpressure)
                    plainIn.flip();
                    pipeText(plainIn);
                }
                if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                    plainIn = ByteBuffer.allocate(plainIn.capacity() + engine.getSession().getApplicationBufferSize());
                    continue;
                }
                // an unwrap refused while the engine had to wrap first goes again after
                // the pump wrapped
                stalls = result.bytesConsumed() > 0 || result.bytesProduced() > 0 ? 0 : stalls + 1;
                if (result.getStatus() != Status.OK || !network.hasRemaining() || stalls > 1) {
                    break;
                }
            }
        }
        finally {
            network.compact();
            afterRead();
        }
    }

    private SSLEngineResult unwrap(ByteBuffer network) throws IOException {
        lock.lock();
        try {
            plainIn.clear();
            SSLEngineResult result = engine.unwrap(network, plainIn);
            pump();
            return result;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Sends what the handshake needs now; wakes the writer loop if its bytes can move
     * again.
     */
    private void afterRead() throws IOException {
        Runnable resume = null;
        lock.lock();
        try {
            pump();
            if (resumeWriter != null && !awaitingPeer()) {
                resume = resumeWriter;
                resumeWriter = null;
            }
        }
        finally {
            lock.unlock();
        }
        if (resume != null) {
            resume.run();
        }
    }

    /**
     * Wraps what it can and writes what the socket takes, without ever waiting; under
     * lock.
     */
    private void pump() throws IOException {
        try {
            while (flushed()) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    runTasks();
                    continue;
                }
                boolean handshaking = status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
                boolean lines = plainOut != null && !handshaking;
                if (status != HandshakeStatus.NEED_WRAP && !lines) {
                    return;
                }
                SSLEngineResult result = engine.wrap(lines ? plainOut : NOTHING, netOut);
                if (plainOut != null && !plainOut.hasRemaining()) {
                    plainOut = null;
                }
                if (result.getStatus() == Status.CLOSED && result.bytesProduced() == 0) {
                    // the engine is closed: nothing more can go out
                    plainOut = null;
                    flushed();
                    return;
                }
                if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                    netOut = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize());
                }
            }
        }
        finally {
            backlogged = plainOut != null || netOut.position() > 0;
        }
    }

    /**
     * @return true when every encrypted byte went to the socket
     */
    private boolean flushed() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            channel().write(netOut);
        }
        finally {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /**
     * Bytes wait for the client's side of the handshake, not for space in the socket;
     * under lock.
     */
    private boolean awaitingPeer() {
        HandshakeStatus status = engine.getHandshakeStatus();
        return plainOut != null && netOut.position() == 0
                && (status == HandshakeStatus.NEED_UNWRAP || status == HandshakeStatus.NEED_UNWRAP_AGAIN);
    }

    @Override
    boolean awaitsPeer() {
        lock.lock();
        try {
            return awaitingPeer();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    void whenPeerAnswers(Runnable resume) {
        lock.lock();
        try {
            if (awaitingPeer()) {
                resumeWriter = resume;
                return;
            }
        }
        finally {
            lock.unlock();
        }
        resume.run();
    }

    /** Takes one batch of lines; what cannot go out now is kept as the backlog. */
    @Override
    public void send(Message<?> message) {
        ByteBuffer batch = payload(message);
        lock.lock();
        try {
            if (plainOut != null) {
                throw new MessagingException(message, "Earlier bytes are still waiting for the client");
            }
            // kept until encrypted: a copy, since the batch's buffer is its writer's
            plainOut = ByteBuffer.allocate(batch.remaining()).put(batch).flip();
            pump();
        }
        catch (IOException | RuntimeException ex) {
            throw failed(new MessagingException(message, "Send Failed", ex));
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    boolean hasBacklog() {
        return backlogged;
    }

    @Override
    boolean writeBacklog() {
        lock.lock();
        try {
            pump();
        }
        catch (IOException | RuntimeException ex) {
            throw failed(new MessagingException("Send Failed", ex));
        }
        finally {
            lock.unlock();
        }
        return !backlogged;
    }

    /** Says goodbye (close_notify) if the socket takes it at once, then closes. */
    @Override
    public void close() {
        if (lock.tryLock()) {
            try {
                plainOut = null;
                engine.closeOutbound();
                pump();
            }
            catch (IOException | RuntimeException ignored) {
                // the goodbye is a courtesy; the socket closes anyway
            }
            finally {
                lock.unlock();
            }
        }
        super.close();
    }

}
