package io.socketchat.room;

/**
 * The room's shared store cannot be reached (Redis down or paused, with several nodes):
 * nothing was done.
 */
public class RoomUnavailableException extends RuntimeException {

    public RoomUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
