package io.socketchat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.socketchat.support.IrcUser;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration on the IRC port, over a raw socket: the numerics, CAP, PING, errors. */
class IrcRegistrationTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0",
                "--chat.max-clients=20");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nickAndUserInEitherOrderGetTheWelcomeBurstInOrder() {
        IrcUser ann = server.connectIrc();
        ann.send("USER ann 0 * :Ann Example").send("NICK ann");
        ann.expect(":irc.test 001 ann :Welcome to Socket Chat, ann!ann@chat/user");
        ann.expectStartingWith(":irc.test 002 ann :Your host is irc.test, running version ");
        ann.expectStartingWith(":irc.test 003 ann :This server was created ");
        String myInfo = ann.expectCommand("004");
        assertThat(myInfo.split(" ")).hasSize(7);
        assertThat(myInfo.split(" ")[5]).isNotEmpty();
        assertThat(myInfo.split(" ")[6]).isNotEmpty();
        String isupport = ann.expectCommand("005");
        assertThat(isupport).contains(" CHANTYPES=# ", " NICKLEN=20 ", " CASEMAPPING=", " PREFIX= ", " UTF8ONLY ",
                " CHANNELLEN=");
        assertThat(isupport.substring(0, isupport.indexOf(" :")).split(" ").length - 3).isLessThanOrEqualTo(13);
        ann.expect(":irc.test 251 ann :There are 0 users and 0 invisible on 1 servers");
        ann.expect(":irc.test 255 ann :I have 0 clients and 1 servers");
        ann.expect(":irc.test 375 ann :- irc.test Message of the day -");
        ann.expectCommand("372");
        ann.expectCommand("372");
        ann.expect(":irc.test 376 ann :End of /MOTD command.");
    }

    @Test
    void registrationWaitsForCapEndAndCapabilitiesAreAllOrNothing() {
        IrcUser cap = server.connectIrc();
        cap.send("CAP LS 302");
        cap.expect(":irc.test CAP * LS :echo-message multi-prefix");
        cap.send("NICK capper").send("USER capper 0 * :Cap");
        cap.send("CAP REQ :multi-prefix sasl");
        // no 001 before the NAK: registration waits for CAP END
        cap.expect(":irc.test CAP capper NAK :multi-prefix sasl");
        cap.send("CAP LIST").expect(":irc.test CAP capper LIST :");
        cap.send("CAP REQ :multi-prefix echo-message");
        cap.expect(":irc.test CAP capper ACK :multi-prefix echo-message");
        cap.send("CAP LIST");
        assertThat(cap.nextLine()).startsWith(":irc.test CAP capper LIST :").contains("multi-prefix", "echo-message");
        cap.send("CAP FROB").expect(":irc.test 410 capper FROB :Invalid CAP command");
        cap.send("CAP END");
        cap.expect(":irc.test 001 capper :Welcome to Socket Chat, capper!capper@chat/user");
    }

    @Test
    void nickErrorsAreTheNumericsOfModernIrc() {
        IrcUser bad = server.connectIrc();
        bad.send("NICK").expect(":irc.test 431 * :No nickname given");
        bad.send("NICK *").expectStartingWith(":irc.test 432 * * :Erroneous nickname");
        bad.send("NICK server").expect(":irc.test 432 * server :Erroneous nickname: server is reserved");
        bad.send("USER").expect(":irc.test 461 * USER :Not enough parameters");
        bad.send("WHO #chat").expect(":irc.test 451 * :You have not registered");

        IrcUser first = server.registerIrc("taken");
        bad.send("NICK TAKEN").expect(":irc.test 433 * TAKEN :Nickname is already in use");
        // a look-alike (Cyrillic а) of a name in use is taken too
        bad.send("NICK t\u0430ken").expect(":irc.test 433 * t\u0430ken :Nickname is already in use");
        LineClient line = server.connect();
        line.expectStartingWith("Welcome to ");
        line.send("taken").expect("! Username \"taken\" is taken. Enter another username:");
        first.send("QUIT");
        first.expect("ERROR :Closing Link: taken (Quit: Client Quit)");
        first.expectClosed();
        // a closed connection frees its nick at once
        bad.send("NICK taken").send("USER t 0 * :T");
        bad.expect(":irc.test 001 taken :Welcome to Socket Chat, taken!taken@chat/user");
    }

    @Test
    void pingIsAnsweredAndNeedsAToken() {
        IrcUser pinger = server.registerIrc("pinger");
        pinger.send("PING :abc 123").expect(":irc.test PONG irc.test :abc 123");
        pinger.send("PING").expect(":irc.test 409 pinger :No origin specified");
        // PING works before registration too
        IrcUser early = server.connectIrc();
        early.send("PING x").expect(":irc.test PONG irc.test :x");
    }

    @Test
    void motdAndLusersOnRequest() {
        IrcUser asker = server.registerIrc("asker");
        asker.send("MOTD");
        List<String> motd = asker.linesUntilCommand("376");
        assertThat(motd.get(0)).isEqualTo(":irc.test 375 asker :- irc.test Message of the day -");
        assertThat(motd).anyMatch(line -> line.equals(":irc.test 372 asker :- /join #chat to enter it."));
        LineClient dora = server.join("dora");
        asker.send("LUSERS");
        asker.expectStartingWith(":irc.test 251 asker :There are ");
        asker.expectStartingWith(":irc.test 255 asker :I have ");
        dora.close();
        asker.send("FROBNICATE x").expect(":irc.test 421 asker FROBNICATE :Unknown command");
        asker.send("USER again 0 * :x").expect(":irc.test 462 asker :You may not reregister");
    }

    @Test
    void roomPasswordIsPassAndAWrongOneCloses() {
        try (RunningServer guarded = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test",
                "--chat.password=sesame")) {
            IrcUser good = guarded.connectIrc();
            good.send("PASS sesame").send("NICK good").send("USER good 0 * :Good");
            good.expectStartingWith(":irc.test 001 good ");

            IrcUser wrong = guarded.connectIrc();
            wrong.send("PASS nope").send("NICK wrong").send("USER wrong 0 * :Wrong");
            wrong.expect(":irc.test 464 wrong :Password incorrect");
            wrong.expect("ERROR :Wrong password.");
            wrong.expectClosed();

            IrcUser none = guarded.connectIrc();
            none.send("NICK none").send("USER none 0 * :None");
            none.expect(":irc.test 464 none :Password incorrect");
            none.expect("ERROR :Wrong password.");
            none.expectClosed();
        }
    }

}
