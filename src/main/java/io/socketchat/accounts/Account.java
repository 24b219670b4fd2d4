package io.socketchat.accounts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.socketchat.protocol.Username;

/**
 * A name that belongs to someone: registered (its {@code secret} is the password's hash)
 * or invited (the invite code's hash, valid until {@code inviteExpires}). Times are
 * milliseconds since the epoch; 0 means none.
 *
 * @param name the name as its owner writes it
 * @param status registered or invited
 * @param secret the Argon2id hash of the password or the invite code, never either itself
 * @param inviteExpires when an invite runs out; 0 for a registered account
 * @param created when the account was made
 * @param lastSeen the last login; 0 for never
 */
public record Account(String name, Status status, String secret, long inviteExpires, long created, long lastSeen) {

    /** Whether the name has a password yet. */
    public enum Status {

        REGISTERED, INVITED

    }

    /** The look-alike key: one account per key ({@link Username#key()}). */
    public String key() {
        return Username.keyOf(name);
    }

    @JsonIgnore
    public boolean isInvited() {
        return status == Status.INVITED;
    }

    public boolean expired(Instant now) {
        return isInvited() && now.toEpochMilli() >= inviteExpires;
    }

    Account registered(String passwordHash, Instant now) {
        return new Account(name, Status.REGISTERED, passwordHash, 0, created, now.toEpochMilli());
    }

    Account seen(Instant now) {
        return new Account(name, status, secret, inviteExpires, created, now.toEpochMilli());
    }

}
