package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.socketchat.room.Bouncer;
import io.socketchat.room.ChatRoom;
import io.socketchat.support.IrcUser;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Every door rule of the chat holds on the IRC port: bans, limits per address, the chat's
 * capacity, the pending cap, the login timeout, the rate limit, sanitizing, and slow
 * readers.
 */
class IrcDoorRulesTest {

    @AutoClose
    private RunningServer server;

    @Test
    void capacityCountsIrcUsersInTheRoomAndARegisteredOneWaitsOutside() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.max-clients=2",
                "--chat.history-size=0");
        IrcUser first = server.joinIrc("first");
        // registered, not in the room: it holds its nick and takes no place
        IrcUser waiting = server.registerIrc("waiting");
        LineClient second = server.join("second");
        first.expect(":second!second@chat/user JOIN #chat");
        // the chat is full: the IRC user in the room counted as one of the two
        LineClient third = server.connect();
        third.expect("! Server is full (2/2 users). Try again later.");
        third.expectClosed();
        IrcUser late = server.connectIrc();
        late.expect(":irc.test NOTICE * :Server is full (2/2 users). Try again later.");
        late.expect("ERROR :Server is full (2/2 users). Try again later.");
        late.expectClosed();
        waiting.send("JOIN #chat")
            .expect(":irc.test 471 waiting #chat :Cannot join channel (+l): Server is full (2/2 users). Try again later.");
        second.close();
        first.expect(":second!second@chat/user QUIT :left the chat");
        waiting.joinChannel();
        first.expect(":waiting!waiting@chat/user JOIN #chat");
        assertThat(server.bean(ChatRoom.class).who()).containsExactly("first", "waiting");
    }

    @Test
    void noRegistrationInTimeCloses() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.login-timeout=1s");
        IrcUser idle = server.connectIrc();
        idle.send("NICK idle");
        idle.expect(":irc.test NOTICE idle :No username within 1 seconds; closing the connection.");
        idle.expect("ERROR :No username within 1 seconds; closing the connection.");
        idle.expectClosed();
        // registered in time: the timeout no longer applies
        IrcUser quick = server.registerIrc("quick");
        quick.send("PING :later");
        quick.expect(":irc.test PONG irc.test :later");
        assertThat(quick.client().isClosed()).isFalse();
    }

    @Test
    void bansAndLimitsPerAddressTurnIrcConnectionsAway() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test",
                "--chat.max-connections-per-address=2", "--chat.history-size=0");
        IrcUser one = server.connectIrcFrom("127.0.0.5").register("one");
        server.connectIrcFrom("127.0.0.5").register("two");
        IrcUser three = server.connectIrcFrom("127.0.0.5");
        three.expect(":irc.test NOTICE * :Too many connections from your address.");
        three.expect("ERROR :Too many connections from your address.");
        three.expectClosed();

        one.joinChannel();
        LineClient watcher = server.joinFrom("127.0.0.6", "watcher");
        one.expect(":watcher!watcher@chat/user JOIN #chat");
        server.bean(Bouncer.class).ban("one", Duration.ofMinutes(5), "spam");
        one.expect(":irc.test KICK #chat one :spam");
        one.expect("ERROR :You were kicked: spam");
        one.expectClosed();
        watcher.expect("* one was kicked (spam)");
        IrcUser back = server.connectIrcFrom("127.0.0.5");
        back.expect(":irc.test NOTICE * :You are banned from this chat.");
        back.expect("ERROR :You are banned from this chat.");
        back.expectClosed();
    }

    @Test
    void thePendingCapCountsRegisteredIrcConnections() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.max-pending=2");
        server.registerIrc("p1");
        server.registerIrc("p2");
        IrcUser third = server.connectIrc();
        third.expect(":irc.test NOTICE * :Server is busy. Try again later.");
        third.expect("ERROR :Server is busy. Try again later.");
        third.expectClosed();
    }

    @Test
    void rateLimitSanitizingAndLookAlikesHoldOnIrc() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.rate-limit=2",
                "--chat.history-size=0");
        LineClient ana = server.join("ana");
        IrcUser irc = server.joinIrc("colour");
        ana.expect("* colour joined the chat");
        // formatting codes and an ANSI escape never reach anyone
        irc.send("PRIVMSG #chat :\u0002bold\u0002 \u000304,12red\u0003 \u001B[31mplain\u0007");
        ana.expect("colour: bold red [31mplain");
        // a look-alike of a name in use is taken
        irc.send("NICK \u0430na").expect(":irc.test 433 colour \u0430na :Nickname is already in use");
        // a burst well past the rate: the lines refused are each answered, in order with
        // the PONG after them; the others reach the line user
        int sent = 20;
        for (int i = 0; i < sent; i++) {
            irc.send("PRIVMSG #chat :n" + i);
        }
        irc.send("PING :counted");
        int refused = 0;
        for (String line = irc.nextLine(); !line.equals(":irc.test PONG irc.test :counted"); line = irc.nextLine()) {
            assertThat(line).isEqualTo(":irc.test NOTICE colour :! You are sending too fast; message not sent.");
            refused++;
        }
        assertThat(refused).isBetween(1, sent - 1);
        int previous = -1;
        for (int i = 0; i < sent - refused; i++) {
            String line = ana.nextLine();
            assertThat(line).startsWith("colour: n");
            int number = Integer.parseInt(line.substring("colour: n".length()));
            assertThat(number).isGreaterThan(previous);
            previous = number;
        }
    }

    @Test
    void anIrcUserWhoStopsReadingIsDropped() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.rate-limit=0",
                "--chat.history-size=0", "--chat.send-queue-limit=50");
        IrcUser silent = server.connectIrcRaw(4096);
        silent.register("silent").joinChannel();
        LineClient talker = server.join("talker");
        LineClient listener = server.join("listener");
        talker.expect("* listener joined the chat");
        String padding = "x".repeat(900);
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 8000; i++) {
            burst.append("line ").append(i).append(' ').append(padding).append('\n');
        }
        Thread sender = new Thread(() -> talker.sendRaw(burst.toString().getBytes()));
        sender.setDaemon(true);
        sender.start();
        listener.skipUntil("* silent was disconnected (not reading)");
        talker.skipUntil("* silent was disconnected (not reading)");
    }

}
