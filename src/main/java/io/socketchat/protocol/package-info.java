/**
 * The wire format, shared by the server, the client and the bench: decoding and
 * sanitizing lines, the rules for usernames, parsing commands, and {@code Replies}, the
 * exact lines of PROTOCOL.md in one place so that nothing else spells them.
 */
package io.socketchat.protocol;
