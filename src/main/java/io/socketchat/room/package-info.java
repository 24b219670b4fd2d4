/**
 * The chat itself, free of sockets: {@code Reception} takes a line-protocol connection
 * through the password and the name (with accounts, {@code AccountQuestions} asks for the
 * account's password or invite code and holds the client's lines while the
 * {@code accounts} package checks it); a face with its own registration (IRC) comes in at
 * the {@code RegistrationDesk}, where {@code FaceAccounts} checks the account password
 * that came with it; both pass the {@code FrontDoor}'s checks first. {@code ChatRoom}
 * keeps who is in and what a line means (broadcast, commands, history), with
 * {@code NameClaims} for names held outside the room and {@code CatchUp} for the senders
 * held while readers catch up; each {@code Session} has an {@code Outbox}, its bounded
 * send queue. The room sees the transport only as {@code ClientConnections}, so queuing a
 * line never waits on a socket and the room's classes can be tested with a fake
 * transport.
 */
package io.socketchat.room;
