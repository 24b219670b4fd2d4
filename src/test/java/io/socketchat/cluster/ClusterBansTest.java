package io.socketchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.socketchat.admin.AdminCommands;
import io.socketchat.protocol.Username;
import io.socketchat.room.Bouncer;
import io.socketchat.room.ChatRoom;
import io.socketchat.room.Member;
import io.socketchat.room.RoomLedger;
import io.socketchat.support.LineClient;
import io.socketchat.support.RedisServer;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ban typed on any node acts on the whole room: alice on node a at 127.0.0.1, bob on
 * node b at 127.0.0.2.
 */
class ClusterBansTest {

    private static final String BANNED = "! You are banned from this chat.";

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @AutoClose
    private final Nodes nodes = new Nodes(redis);

    @Test
    void aUserBannedFromAnotherNodeIsKickedAndKeptOutOfEveryNodeUntilUnbanned() {
        RunningServer b = nodes.start("b", "--chat.history-size=0");
        LineClient bob = b.joinFrom("127.0.0.2", "bob");
        bob.send("/nick robert").expect("* bob is now known as robert");
        // node a starts afterwards: it learns of robert, and his address, from the room's
        // snapshot
        RunningServer a = nodes.start("a", "--chat.history-size=0");
        LineClient alice = a.join("alice");
        bob.expect("* alice joined the chat");
        LineClient waitingOnA = a.connectFrom("127.0.0.2").expectStartingWith("Welcome");

        assertThat(a.bean(AdminCommands.class).ban(List.of("robert", "10", "flooding")))
            .isEqualTo("Kicked robert and banned 127.0.0.2 for 10 minutes. Closed 1 other connection from it.");
        bob.expect("! You were kicked: flooding");
        bob.expectClosed();
        alice.expect("* robert was kicked (flooding)");
        waitingOnA.expect(BANNED);
        waitingOnA.expectClosed();

        LineClient back = b.connectFrom("127.0.0.2");
        back.expect(BANNED);
        back.expectClosed();
        assertThat(b.bean(AdminCommands.class).bans()).isEqualTo("1 ban:\n  127.0.0.2  10 minutes left  (flooding)");
        assertThat(a.bean(AdminCommands.class).bans()).isEqualTo(b.bean(AdminCommands.class).bans());
        // robert's leave reaches node b's roster through the stream, after his kick
        // (cluster.md:
        // /who may trail a leave by one read)
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(b.bean(AdminCommands.class).who()).isEqualTo("1 online: alice"));

        assertThat(b.bean(AdminCommands.class).unban(List.of("127.0.0.2"))).isEqualTo("Unbanned 127.0.0.2.");
        b.joinFrom("127.0.0.2", "bob");
        alice.expect("* bob joined the chat");
        a.connectFrom("127.0.0.2").expectStartingWith("Welcome");
        assertThat(a.bean(AdminCommands.class).bans()).isEqualTo("No bans.");
    }

    @Test
    void anAddressBannedOnOneNodeIsTurnedAwayAtTheOthersDoorAndCannotTakeANameThere() {
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        LineClient choosing = b.connectFrom("127.0.0.3").expectStartingWith("Welcome");

        Bouncer.Outcome outcome = a.bean(Bouncer.class).ban("127.0.0.3", null, "");
        assertThat(outcome).isEqualTo(new Bouncer.Outcome.Banned("127.0.0.3", null, 0));

        // node b hears of the ban through the room's stream: within a second at most
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (LineClient knocking = LineClient.connectFrom("127.0.0.3", b.port())) {
                return BANNED.equals(knocking.nextLine());
            }
        });
        // it was choosing a name on b when a banned it: b shows it out
        choosing.expect(BANNED);
        choosing.expectClosed();
        // a join racing the ban on any node is refused by Redis itself
        assertThat(b.bean(RoomLedger.class).join(new Member("racing-1", new Username("dave"), "127.0.0.3"), 10))
            .isEqualTo(ChatRoom.Join.BANNED);
        assertThat(b.bean(RoomLedger.class).join(new Member("racing-2", new Username("erin"), "127.0.0.4"), 10))
            .isEqualTo(ChatRoom.Join.JOINED);
        assertThat(b.bean(AdminCommands.class).bans()).isEqualTo("1 ban:\n  127.0.0.3  until unbanned");
        assertThat(b.bean(Bouncer.class).unban("127.0.0.3")).isTrue();
        assertThat(a.bean(Bouncer.class).unban("127.0.0.3")).isFalse();
        a.joinFrom("127.0.0.3", "carol");
    }

}
