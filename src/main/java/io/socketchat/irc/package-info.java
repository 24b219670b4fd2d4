/**
 * The IRC face ({@code chat.irc.port}, {@code chat.irc.tls-port}): the room as one IRC
 * channel that irssi, WeeChat or HexChat join. No IRC server library: the subset served
 * is small, and the room's rules stay the only rules.
 * <p>
 * The path of a line, both ways: <pre>
 * IRC socket ─▶ server's listener (its own, made by ChatListeners) ─▶ LineFramer (CRLF or LF, 510 bytes)
 *        ─▶ server.ConnectionEvents ─▶ IrcDoorway: a room.Session with the IrcFace
 *        ─▶ IrcClient (registration, CAP; PASS read by IrcLogin, checked by room.FaceAccounts)
 *        ─▶ IrcCommands ─▶ room.RegistrationDesk / room.ChatRoom
 * any user's event ─▶ room.RoomView: rendered once per face present ─▶ IrcFace
 *        (PRIVMSG, JOIN, QUIT, NICK, KICK, NOTICE; split to 512 bytes by IrcWire)
 *        ─▶ the session's Outbox ─▶ the chat's writer loops ─▶ IRC socket
 * </pre>
 */
package io.socketchat.irc;
