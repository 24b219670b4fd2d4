package io.socketchat.room;

import io.socketchat.protocol.Replies;

/**
 * A chosen name refused: the line that asks for another, and the line said instead on the
 * last try, before the connection closes.
 */
record Refusal(String again, String last) {

    /** For a name refused for a reason; null when there is no reason. */
    static Refusal of(String candidate, String reason) {
        return reason == null ? null
                : new Refusal(Replies.nameRejected(candidate, reason), Replies.nickRejected(candidate, reason));
    }

    /** Invitation only, and the name has no account. */
    static Refusal noAccount(String candidate) {
        return new Refusal(Replies.noAccountHere(candidate), Replies.noAccountHereLastTry(candidate));
    }

}
