/**
 * The chat itself, free of sockets: {@code Reception} takes a new connection through the
 * password and the name (with accounts, {@code AccountQuestions} asks for the account's
 * password or invite code and holds the client's lines while the {@code accounts} package
 * checks it; for a face with its own registration, IRC, {@code FaceAccounts} checks the
 * password that came with it), {@code ChatRoom} keeps who is in and what a line means
 * (broadcast, commands, history), each {@code Session} has an {@code Outbox}, its bounded
 * send queue. The room sees the transport only as {@code ClientConnections}, so queuing a
 * line never waits on a socket and the room's classes can be tested with a fake
 * transport.
 */
package io.socketchat.room;
