package io.socketchat.irc;

import io.socketchat.config.ChatProperties;
import io.socketchat.protocol.Replies;
import io.socketchat.room.FaceLogin;

/**
 * What IRC's one server password ({@code PASS}) carries, and how the accounts' answer to
 * a registration reads on IRC. With a room password, {@code PASS} is the room password
 * alone or {@code <room password>:<account password>}; without one it is the account's
 * password. IRC has no dialogue, so an invite code is never entered here.
 */
final class IrcLogin {

    /** The two passwords {@code PASS} may carry; either may be null. */
    record Pass(String room, String account) {

        static Pass of(String pass, ChatProperties properties) {
            if (pass == null || !properties.hasPassword()) {
                return new Pass(null, pass);
            }
            int length = properties.password().length();
            // the room password's length only decides where a second part would start:
            // a wrong room part is refused either way
            if (pass.length() > length && pass.charAt(length) == ':') {
                return new Pass(pass.substring(0, length), pass.substring(length + 1));
            }
            return new Pass(pass, null);
        }

    }

    private IrcLogin() {
    }

    /** The last lines of a registration the accounts refused (not for a look-alike). */
    static byte[] refusal(IrcServer server, String nick, FaceLogin login) {
        String name = login.account();
        return switch (login.verdict()) {
            case PASSWORD_NEEDED -> passwordLines(server, nick,
                    name + " is registered: connect with its password as the server password (PASS).");
            case WRONG_PASSWORD -> passwordLines(server, nick, IrcFace.words(Replies.wrongPasswordFor(name)));
            case LOCKED_OUT -> passwordLines(server, nick, IrcFace.words(Replies.lockedOutOf(name)));
            case NO_ACCOUNT -> noticeLines(server, nick, IrcFace.words(Replies.noAccountHereLastTry(name)));
            case INVITED -> noticeLines(server, nick,
                    name + " has an invite: enter its code once with nc,"
                            + " the chat's own client or the web page, choosing a password there;"
                            + " then connect here with that password as the server password (PASS).");
            case INVITE_EXPIRED -> noticeLines(server, nick, IrcFace.words(Replies.inviteExpired(name)));
            default -> noticeLines(server, nick, IrcFace.words(Replies.CHAT_UNAVAILABLE));
        };
    }

    private static byte[] passwordLines(IrcServer server, String nick, String words) {
        return new IrcWire().text(server.numeric("464", nick), words).line("ERROR :" + words).bytes();
    }

    private static byte[] noticeLines(IrcServer server, String nick, String words) {
        return new IrcWire().text(":" + server.name() + " NOTICE " + nick, words).line("ERROR :" + words).bytes();
    }

}
