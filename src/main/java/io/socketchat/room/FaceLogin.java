package io.socketchat.room;

/**
 * What the accounts say to a face's registration (IRC) about the name it holds.
 *
 * @param account the account's own spelling of the name, or the name when it has none
 */
public record FaceLogin(Verdict verdict, String account) {

    /** The accounts' answer. */
    public enum Verdict {

        /** No account stands in the way, or its password was right. */
        ENTER,
        /** An account has a name that looks like it, spelt otherwise. */
        LOOK_ALIKE,
        /** The name is registered and no password came with the registration. */
        PASSWORD_NEEDED, WRONG_PASSWORD, LOCKED_OUT,
        /** Invitation only, and the name has no account. */
        NO_ACCOUNT,
        /** The name's invite code has not been entered yet. */
        INVITED, INVITE_EXPIRED,
        /** The accounts could not be reached, or are too busy checking. */
        UNAVAILABLE

    }

}
