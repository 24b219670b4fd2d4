package io.socketchat.admin;

import java.util.List;

import io.socketchat.room.ChatRoom;

import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** What the operator can do from the server's terminal. */
@Component
public class AdminCommands {

    private final ChatRoom room;
    private final ServerShutdown shutdown;

    AdminCommands(ChatRoom room, ServerShutdown shutdown) {
        this.room = room;
        this.shutdown = shutdown;
    }

    @Command(name = "say", description = "Say something to everyone, as Server: <text>", group = "Chat")
    public String say(@Arguments List<String> words) {
        String text = String.join(" ", words == null ? List.of() : words).strip();
        if (text.isEmpty()) {
            return "Usage: say <text>";
        }
        room.say(text);
        return "Sent to " + room.size() + (room.size() == 1 ? " user." : " users.");
    }

    @Command(name = "who", description = "List the users in the chat", group = "Chat")
    public String who() {
        List<String> names = room.who();
        return names.isEmpty() ? "Nobody is in the chat." : names.size() + " online: " + String.join(", ", names);
    }

    @Command(name = "kick", description = "Disconnect a user: kick <user> [reason]", group = "Chat")
    public String kick(@Arguments List<String> words) {
        if (words == null || words.isEmpty() || words.get(0).isBlank()) {
            return "Usage: kick <user> [reason]";
        }
        String user = words.get(0);
        String reason = String.join(" ", words.subList(1, words.size())).strip();
        return room.kick(user, reason) ? "Kicked " + user + "." : "No user named \"" + user + "\".";
    }

    @Command(name = "shutdown", description = "Tell everyone, deliver what is queued, close and exit", group = "Chat")
    public String shutdown() {
        shutdown.begin();
        return "Shutting down.";
    }
}
