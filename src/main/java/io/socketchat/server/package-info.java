/**
 * The TCP side of the chat: Spring Integration's NIO connection factory, line framing,
 * putting each connection's lines back in order, the writer loops, connection events and
 * an orderly shutdown. It turns bytes into lines for the {@code room} and batches of
 * lines back into bytes, and nothing in it waits on a client's socket. Listeners
 * ({@code ChatListeners}) are made alike for the line protocol's ports and for those of a
 * {@code Doorway} (the IRC ports), whose connections go to the doorway instead of the
 * {@code Reception}, framed by LF alone and left for it to sanitize.
 * <p>
 * The path of a line, from one user's socket to another's:
 *
 * <pre>
 * socket ─▶ NIO selector (chat-read thread) ─▶ ChatNioConnection (ChatTlsConnection decrypts first)
 *        ─▶ ChunkPipe: the chunk as read (a full read goes on, up to 16 KB), whole
 *        ─▶ ChatLineDeserializer (chat-frame thread) ─▶ the connection's InboundOrder
 *        ─▶ LineFramer: every line the chunk completes (LF, or a pause for unframed clients)
 *        ─▶ one Frame per read, numbered ─▶ FrameMapper: one message, no id or timestamp
 *        ─▶ inbound adapter (plain or TLS) ─▶ fromClients: straight to Frame.deliver
 *        ─▶ InboundOrder: frames handed on in the order read; a line that fails is skipped
 *        ─▶ room.Reception.lineFrom ─▶ room.ChatRoom ─▶ each recipient's room.Outbox.offer
 *        ─▶ SocketWriters.drain ─▶ the recipient's WriterLoop (one thread per core)
 *        ─▶ Outbox.nextBatch ─▶ SocketWriters.send ─▶ outbound adapter (no channel between)
 *        ─▶ ChatNioConnection.send: what the socket takes now ─▶ socket
 *           └ the rest waits as the connection's backlog until the WriterLoop's selector
 *             says the socket is writable (writeBacklog), then the outbox goes on
 * </pre>
 *
 * A port that cannot be opened, or a TLS port without a certificate it can use, fails
 * start-up with an exception of its own, which a {@code *FailureAnalyzer} here turns into
 * Spring Boot's report for the operator (registered in
 * {@code META-INF/spring.factories}).
 */
package io.socketchat.server;
