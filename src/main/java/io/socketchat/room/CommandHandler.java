package io.socketchat.room;

import io.socketchat.protocol.ChatCommand;
import io.socketchat.protocol.Replies;

/**
 * What each command of a joined user does. Being a {@link ChatCommand.Handler}, it has a
 * method for every command there is: a new command does not compile until it is handled
 * here. Methods may throw {@link RoomUnavailableException}; the room answers that.
 */
final class CommandHandler implements ChatCommand.Handler<Session> {

    private final ChatRoom room;

    CommandHandler(ChatRoom room) {
        this.room = room;
    }

    @Override
    public void say(Session from, ChatCommand.Say say) {
        room.publish(from, Replies.message(from.name(), say.text()));
    }

    @Override
    public void action(Session from, ChatCommand.Action action) {
        room.publish(from, Replies.action(from.name(), action.text()));
    }

    @Override
    public void privateMessage(Session from, ChatCommand.PrivateMessage message) {
        room.whisper(from, message.recipient(), message.text());
    }

    @Override
    public void who(Session from, ChatCommand.Who who) {
        from.send(Replies.who(room.who()));
    }

    @Override
    public void help(Session from, ChatCommand.Help help) {
        Replies.HELP.forEach(from::send);
    }

    @Override
    public void nick(Session from, ChatCommand.Nick nick) {
        room.rename(from, nick.newName());
    }

    /** With accounts on, the reception answers this before the room sees it. */
    @Override
    public void register(Session from, ChatCommand.Register register) {
        from.send(Replies.REGISTRATION_CLOSED);
    }

    /** With accounts on, the reception answers this before the room sees it. */
    @Override
    public void changePassword(Session from, ChatCommand.ChangePassword change) {
        from.send(Replies.NO_ACCOUNT);
    }

    @Override
    public void leave(Session from, ChatCommand.Leave leave) {
        room.leave(from);
        from.outbox().closeWhenWritten();
    }

    @Override
    public void misused(Session from, ChatCommand.Misused misused) {
        from.send(Replies.usage(misused.usage()));
    }

    @Override
    public void unknown(Session from, ChatCommand.Unknown unknown) {
        from.send(Replies.unknownCommand(unknown.command()));
    }

    @Override
    public void ignored(Session from, ChatCommand.Ignored ignored) {
        // an empty line: nothing to say, nothing to answer
    }

}
