package io.socketchat.irc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.socketchat.start.ServerStart;
import io.socketchat.support.IrcUser;
import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;
import io.socketchat.support.TlsFixture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IRC over TLS, and the end of the server as IRC users see it. */
class IrcTlsAndShutdownTest {

    @AutoClose
    private RunningServer server;

    @TempDir
    Path dir;

    @Test
    void ircOverTlsUsesTheChatsCertificate() {
        TlsFixture.Pem pem = TlsFixture.selfSigned(dir, "localhost");
        List<String> args = new ArrayList<>(TlsFixture.serverArgs(pem));
        args.remove("--chat.tls.port=0");
        args.addAll(List.of("--chat.irc.tls-port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0"));
        server = RunningServer.start(args.toArray(String[]::new));
        IrcUser secure = new IrcUser(LineClient.over(TlsFixture.connect(server.ircTlsPort(), 0, pem.x509())));
        secure.register("secure").joinChannel();
        LineClient plain = server.join("plain");
        secure.expect(":plain!plain@chat/user JOIN #chat");
        plain.send("over tls?");
        secure.expect(":plain!plain@chat/user PRIVMSG #chat :over tls?");
        secure.send("PRIVMSG #chat :yes");
        plain.expect("secure: yes");
        secure.close();
    }

    @Test
    void shutdownIsANoticeThenError() throws InterruptedException {
        server = RunningServer.start("--chat.irc.port=0", "--chat.irc.server-name=irc.test", "--chat.history-size=0");
        IrcUser inRoom = server.joinIrc("inroom");
        IrcUser outside = server.registerIrc("outside");
        LineClient line = server.join("liner");
        inRoom.expect(":liner!liner@chat/user JOIN #chat");
        Thread closer = new Thread(() -> ServerStart.whole(server.context()).close());
        closer.start();
        inRoom.expect(":irc.test NOTICE #chat :Server is shutting down.");
        inRoom.expect("ERROR :Server is shutting down.");
        inRoom.expectClosed();
        outside.expect(":irc.test NOTICE outside :Server is shutting down.");
        outside.expect("ERROR :Server is shutting down.");
        outside.expectClosed();
        line.expect("* Server is shutting down.");
        line.expectClosed();
        closer.join(30_000);
    }

}
