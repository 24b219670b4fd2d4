package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.socketchat.room.ChatRoom;
import io.socketchat.support.IrcUser;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import io.socketchat.web.WebSocketUser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The room as a channel: IRC, line and browser users in one room, each seeing the others'
 * lines, actions, private messages, renames, joins, leaves and kicks in its own form.
 */
class IrcRoomTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0",
                "--chat.max-clients=50");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Every user a test closed has left before the next test joins, so that no test sees
     * another's leave (a browser's close reaches the room a little later than a
     * socket's).
     */
    @AfterEach
    void everyoneHasLeft() {
        server.awaitEmptyRoom();
    }

    @Test
    void joiningIsAnnouncedAndNamesListEveryMember() {
        LineClient amy = server.join("amy");
        WebSocketUser webby = WebSocketUser.join(server.httpPort(), "webby");
        amy.expect("* webby joined the chat");
        IrcUser joe = server.registerIrc("joe");
        joe.send("JOIN #chat");
        joe.expect(":joe!joe@chat/user JOIN #chat");
        joe.expect(":irc.test 332 joe #chat :Socket Chat");
        joe.expectStartingWith(":irc.test 333 joe #chat irc.test ");
        String names = joe.expectCommand("353");
        assertThat(names).startsWith(":irc.test 353 joe = #chat :");
        assertThat(names.substring(names.indexOf(" :") + 2).split(" ")).contains("amy", "webby", "joe");
        joe.expect(":irc.test 366 joe #chat :End of /NAMES list");
        amy.expect("* joe joined the chat");
        webby.expect("* joe joined the chat");
        // line users list IRC users
        amy.send("/who");
        assertThat(amy.nextLine()).startsWith("* ").contains("joe", "amy", "webby");
        // joining again is harmless; another channel is not there
        joe.send("JOIN #chat").send("JOIN #other").expect(":irc.test 403 joe #other :No such channel");
        joe.send("NAMES #chat");
        assertThat(joe.expectCommand("353")).contains("joe");
        joe.expect(":irc.test 366 joe #chat :End of /NAMES list");
        amy.close();
        webby.close();
        joe.send("QUIT :bye").skipUntil("ERROR :Closing Link: joe (Quit: bye)");
        joe.expectClosed();
    }

    @Test
    void linesActionsAndPrivateMessagesCrossEveryFace() {
        IrcUser irc = server.joinIrc("ircfan");
        LineClient liz = server.join("liz");
        irc.expect(":liz!liz@chat/user JOIN #chat");
        WebSocketUser web = WebSocketUser.join(server.httpPort(), "wendy");
        irc.expect(":wendy!wendy@chat/user JOIN #chat");
        liz.expect("* wendy joined the chat");

        liz.send("hello irc");
        irc.expect(":liz!liz@chat/user PRIVMSG #chat :hello irc");
        web.expect("liz: hello irc");
        web.send("/me waves");
        irc.expect(":wendy!wendy@chat/user PRIVMSG #chat :\u0001ACTION waves\u0001");
        liz.expect("* wendy waves");

        irc.send("PRIVMSG #chat :hi all");
        liz.expect("ircfan: hi all");
        web.expect("ircfan: hi all");
        irc.send("PRIVMSG #chat :\u0001ACTION dances\u0001");
        liz.expect("* ircfan dances");
        web.expect("* ircfan dances");
        irc.send("NOTICE #chat :a notice");
        liz.expect("ircfan: a notice");
        web.expect("ircfan: a notice");

        liz.send("/msg ircfan psst");
        liz.expect("[private to ircfan] psst");
        irc.expect(":liz!liz@chat/user PRIVMSG ircfan :psst");
        irc.send("PRIVMSG liz :back at you");
        liz.expect("[private] ircfan: back at you");
        irc.send("PRIVMSG nobody :hello?").expect(":irc.test 401 ircfan nobody :No such nick/channel");
        irc.send("PRIVMSG #chat").expect(":irc.test 412 ircfan :No text to send");
        irc.send("PRIVMSG #elsewhere :x").expect(":irc.test 403 ircfan #elsewhere :No such channel");
        irc.send("NOTICE nobody :never answered").send("PING :after");
        irc.expect(":irc.test PONG irc.test :after");

        // no echo without echo-message
        irc.send("PRIVMSG #chat :second");
        liz.expect("ircfan: second");
        irc.send("PING :noecho").expect(":irc.test PONG irc.test :noecho");
        liz.close();
        web.close();
        irc.close();
    }

    @Test
    void echoMessageSendsTheSendersLineBack() {
        IrcUser echo = server.connectIrc();
        echo.send("CAP REQ :echo-message").expect(":irc.test CAP * ACK :echo-message");
        echo.send("CAP END").register("echoer").joinChannel();
        echo.send("PRIVMSG #chat :mirror");
        echo.expect(":echoer!echoer@chat/user PRIVMSG #chat :mirror");
        echo.close();
    }

    @Test
    void sendingToTheChannelNeedsToBeInItAndPartLeavesIt() {
        LineClient lou = server.join("lou");
        IrcUser out = server.registerIrc("outside");
        out.send("PRIVMSG #chat :hello").expect(":irc.test 404 outside #chat :Cannot send to channel");
        out.send("PART #chat").expect(":irc.test 442 outside #chat :You're not on that channel");
        out.joinChannel();
        lou.expect("* outside joined the chat");
        out.send("PART #chat :see you");
        out.expect(":outside!outside@chat/user PART #chat :see you");
        lou.expect("* outside left the chat");
        // still connected, still holding the nick
        lou.send("/nick outside").expect("! Username \"outside\" is taken.");
        out.send("PING :still").expect(":irc.test PONG irc.test :still");
        out.joinChannel();
        lou.expect("* outside joined the chat");
        out.close();
        lou.expect("* outside left the chat");
        lou.close();
    }

    @Test
    void renamesAreNickEventsBothWays() {
        IrcUser nik = server.joinIrc("nik");
        LineClient lena = server.join("lena");
        nik.expect(":lena!lena@chat/user JOIN #chat");
        nik.send("NICK nik2");
        nik.expect(":nik!nik@chat/user NICK nik2");
        lena.expect("* nik is now known as nik2");
        lena.send("/nick lena2");
        lena.expect("* lena is now known as lena2");
        nik.expect(":lena!lena@chat/user NICK lena2");
        nik.send("NICK lena2").expect(":irc.test 433 nik2 lena2 :Nickname is already in use");
        nik.send("NICK admin").expect(":irc.test 432 nik2 admin :Erroneous nickname: admin is reserved");
        nik.send("NICK").expect(":irc.test 431 nik2 :No nickname given");
        lena.send("bye now");
        nik.expect(":lena2!lena2@chat/user PRIVMSG #chat :bye now");
        lena.close();
        nik.expect(":lena2!lena2@chat/user QUIT :left the chat");
        nik.close();
    }

    @Test
    void whoWhoisAndTopicAnswerFromTheRoom() {
        IrcUser q = server.joinIrc("quinn");
        LineClient lars = server.join("lars");
        q.expect(":lars!lars@chat/user JOIN #chat");
        q.send("WHO #chat");
        List<String> who = q.linesUntilCommand("315");
        assertThat(who).contains(":irc.test 352 quinn #chat lars chat/user irc.test lars H :0 lars",
                ":irc.test 352 quinn #chat quinn chat/user irc.test quinn H :0 quinn");
        assertThat(who.get(who.size() - 1)).isEqualTo(":irc.test 315 quinn #chat :End of WHO list");

        q.send("WHOIS lars");
        q.expect(":irc.test 311 quinn lars lars chat/user * :lars");
        List<String> whois = q.linesUntilCommand("318");
        assertThat(whois).contains(":irc.test 312 quinn lars irc.test :Socket Chat");
        assertThat(whois.get(whois.size() - 1)).isEqualTo(":irc.test 318 quinn lars :End of /WHOIS list");
        q.send("WHOIS ghost");
        q.expect(":irc.test 401 quinn ghost :No such nick/channel");
        q.expect(":irc.test 318 quinn ghost :End of /WHOIS list");

        q.send("TOPIC #chat");
        q.expect(":irc.test 332 quinn #chat :Socket Chat");
        q.expectStartingWith(":irc.test 333 quinn #chat irc.test ");
        q.send("TOPIC #chat :new topic").expect(":irc.test 482 quinn #chat :You're not channel operator");
        q.send("TOPIC").expect(":irc.test 461 quinn TOPIC :Not enough parameters");
        q.send("KICK #chat lars").expect(":irc.test 482 quinn #chat :You're not channel operator");
        q.send("MODE #chat").expect(":irc.test 324 quinn #chat +nt");
        lars.close();
        q.close();
    }

    @Test
    void anAdminKickIsAKickOnIrc() {
        IrcUser kim = server.joinIrc("kim");
        IrcUser kat = server.joinIrc("kat");
        kim.expect(":kat!kat@chat/user JOIN #chat");
        LineClient lee = server.join("lee");
        kim.expect(":lee!lee@chat/user JOIN #chat");
        kat.expect(":lee!lee@chat/user JOIN #chat");

        server.bean(ChatRoom.class).kick("kat", "too loud");
        kat.expect(":irc.test KICK #chat kat :too loud");
        kat.expect("ERROR :You were kicked: too loud");
        kat.expectClosed();
        kim.expect(":irc.test KICK #chat kat :too loud");
        lee.expect("* kat was kicked (too loud)");

        server.bean(ChatRoom.class).kick("lee", "");
        lee.expect("! You were kicked.");
        kim.expect(":irc.test KICK #chat lee :");
        lee.close();
        kim.close();
    }

    @Test
    void aLongLineIsSplitForIrcAndALongIrcLineIsRefused() {
        IrcUser reader = server.joinIrc("reader");
        LineClient writer = server.join("writer");
        reader.expect(":writer!writer@chat/user JOIN #chat");
        // ASCII, then two-byte letters, letters with a combining mark, emoji
        String text = "a".repeat(400) + "\u00e9".repeat(200) + "e\u0301".repeat(20) + "\ud83d\udcbb".repeat(10);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        writer.send(text);
        StringBuilder joined = new StringBuilder();
        String head = ":writer!writer@chat/user PRIVMSG #chat :";
        while (joined.length() < text.length()) {
            String line = reader.nextLine();
            assertThat(line).startsWith(head);
            joined.append(line.substring(head.length()));
        }
        assertThat(joined.toString()).isEqualTo(text);

        // 600 bytes, sent in three pieces: answered with 417, nothing goes out
        byte[] tooLong = ("PRIVMSG #chat :" + "x".repeat(600) + "\r\n").getBytes(StandardCharsets.UTF_8);
        reader.sendRaw(java.util.Arrays.copyOfRange(tooLong, 0, 100));
        reader.sendRaw(java.util.Arrays.copyOfRange(tooLong, 100, 400));
        reader.sendRaw(java.util.Arrays.copyOfRange(tooLong, 400, tooLong.length));
        reader.expect(":irc.test 417 reader :Input line was too long");
        // a 512-byte line in pieces, with CRLF, is taken whole
        String fits = "PRIVMSG #chat :" + "y".repeat(510 - 15);
        byte[] bytes = (fits + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isEqualTo(512);
        reader.sendRaw(java.util.Arrays.copyOfRange(bytes, 0, 7));
        reader.sendRaw(java.util.Arrays.copyOfRange(bytes, 7, 511));
        reader.sendRaw(java.util.Arrays.copyOfRange(bytes, 511, 512));
        writer.expect("reader: " + "y".repeat(495));
        // a bare LF ends a line too
        reader.sendRaw("PRIVMSG #chat :lf only\n".getBytes(StandardCharsets.UTF_8));
        writer.expect("reader: lf only");
        writer.close();
        reader.close();
    }

}
